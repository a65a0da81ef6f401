#!/usr/bin/env bash
# Makes the emulator's private test PKI (NOT for production): a CA, the emulator's server
# certificate (Microsoft's host names + loopback), an SBC wildcard certificate for the carrier
# model, and a certificate for the Tandem application. Writes PEM and PKCS#12 (password
# "changeit") to emulator/src/main/resources/test-pki. Re-run to rotate; commit the output.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/test-pki"
mkdir -p "$out"
cd "$out"
rm -f ./*.pem ./*.p12 ./*.srl ./*.csr ./*.ext
pass=changeit
days=3650

openssl req -x509 -newkey rsa:2048 -nodes -days "$days" -sha256 \
  -subj "/O=Tandem emulator/CN=Tandem Emulator Test Root CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout ca-key.pem -out ca.pem 2>/dev/null

issue() { # name, CN, SANs
  local name=$1 cn=$2 sans=$3
  openssl req -newkey rsa:2048 -nodes -subj "/O=Tandem emulator/CN=$cn" \
    -keyout "$name-key.pem" -out "$name.csr" 2>/dev/null
  printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n' "$sans" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days "$days" \
    -sha256 -extfile "$name.ext" -out "$name.pem" 2>/dev/null
  openssl pkcs12 -export -name "$name" -inkey "$name-key.pem" -in "$name.pem" -certfile ca.pem \
    -passout "pass:$pass" -out "$name.p12"
  rm -f "$name.csr" "$name.ext"
}

issue emulator sip.pstnhub.microsoft.com \
  "DNS:sip.pstnhub.microsoft.com,DNS:sip2.pstnhub.microsoft.com,DNS:sip3.pstnhub.microsoft.com,DNS:sip-all.pstnhub.microsoft.com,DNS:graph.microsoft.com,DNS:login.microsoftonline.com,DNS:*.communication.azure.com,DNS:acscallautomation.communication.azure.com,DNS:api.aps.skype.com,DNS:localhost,IP:127.0.0.1,IP:::1"
issue sbc '*.customers.tandem.test' \
  "DNS:*.customers.tandem.test,DNS:customers.tandem.test,DNS:sbc.contoso.test,DNS:localhost,IP:127.0.0.1"
issue tandem localhost "DNS:localhost,DNS:tandem.test,IP:127.0.0.1,IP:::1"

# The trust store holds only the CA: whoever trusts it trusts all three certificates above.
rm -f truststore.p12
keytool -importcert -noprompt -alias tandem-emulator-test-ca -file ca.pem \
  -keystore truststore.p12 -storetype PKCS12 -storepass "$pass" >/dev/null
rm -f ca.srl
echo "test PKI written to $out"
