package io.tandem.sip.stack;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The DNS names a certificate is valid for (its subject alternative names, else its common name),
 * and RFC 2818 §3.1 matching, as Microsoft's proxies match the SBC's Contact FQDN: a leading {@code
 * *} label matches exactly one label, so {@code *.contoso.com} matches {@code sbc.contoso.com} but
 * neither {@code contoso.com} nor {@code a.b.contoso.com}.
 */
final class CertificateNames {

  private static final int DNS_NAME = 2;

  private CertificateNames() {}

  static List<String> of(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> alternative : alternatives) {
          if (alternative.get(0) instanceof Integer type && type == DNS_NAME) {
            names.add(String.valueOf(alternative.get(1)).toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (CertificateParsingException unreadable) {
      // fall back to the common name
    }
    if (names.isEmpty()) {
      try {
        for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
          if (rdn.getType().equalsIgnoreCase("CN")) {
            names.add(rdn.getValue().toString().toLowerCase(Locale.ROOT));
          }
        }
      } catch (InvalidNameException unreadable) {
        // no names at all
      }
    }
    return names;
  }

  static boolean matches(String pattern, String host) {
    String name = host.toLowerCase(Locale.ROOT);
    String wanted = pattern.toLowerCase(Locale.ROOT);
    if (!wanted.startsWith("*.")) {
      return wanted.equals(name);
    }
    int dot = name.indexOf('.');
    return dot > 0 && name.substring(dot).equals(wanted.substring(1));
  }

  static boolean anyMatches(List<String> names, String host) {
    return names.stream().anyMatch(n -> matches(n, host));
  }
}
