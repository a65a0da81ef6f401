package io.tandem.media.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A STUN message (RFC 5389 §6): its 14-bit type (method and class), the 96-bit transaction id and
 * its attributes in order, MESSAGE-INTEGRITY and FINGERPRINT excluded: those are checked on the
 * received bytes ({@link #integrityMatches}, {@link #fingerprintMatches}) and computed when the
 * message is {@linkplain #toBytes written}.
 *
 * <p>{@link #parse} takes a datagram apart and rejects, with {@link MalformedStunException}, one
 * whose top two bits are set, whose cookie is wrong, whose length is not the datagram's, whose
 * attributes overrun it, or whose FINGERPRINT is not last. Attributes after MESSAGE-INTEGRITY other
 * than FINGERPRINT are ignored (§15.4).
 */
public final class StunMessage {

  /** The magic cookie (§6). */
  public static final int MAGIC_COOKIE = 0x2112A442;

  /** Binding request (method 1, class request). */
  public static final int BINDING_REQUEST = 0x0001;

  /** Binding success response. */
  public static final int BINDING_SUCCESS = 0x0101;

  /** Binding error response. */
  public static final int BINDING_ERROR = 0x0111;

  /** Binding indication (a keepalive; never answered). */
  public static final int BINDING_INDICATION = 0x0011;

  /** The header's length in bytes. */
  public static final int HEADER = 20;

  private static final int FINGERPRINT_XOR = 0x5354554e;
  private static final int INTEGRITY_LENGTH = 20;

  private final int type;
  private final byte[] transactionId;
  private final List<StunAttribute> attributes;
  private final byte @Nullable [] received;
  private final int integrityOffset;
  private final int fingerprintOffset;

  private StunMessage(
      int type,
      byte[] transactionId,
      List<StunAttribute> attributes,
      byte @Nullable [] received,
      int integrityOffset,
      int fingerprintOffset) {
    this.type = type;
    this.transactionId = transactionId;
    this.attributes = List.copyOf(attributes);
    this.received = received;
    this.integrityOffset = integrityOffset;
    this.fingerprintOffset = fingerprintOffset;
  }

  /** A message to send: {@code type}, a 12-byte {@code transactionId} and {@code attributes}. */
  public static StunMessage of(int type, byte[] transactionId, List<StunAttribute> attributes) {
    if (type < 0 || type > 0x3fff) {
      throw new IllegalArgumentException("STUN message type " + type + " is not 14 bits");
    }
    if (transactionId.length != 12) {
      throw new IllegalArgumentException("a transaction id has 12 bytes");
    }
    for (StunAttribute attribute : attributes) {
      if (attribute.type() == StunAttribute.MESSAGE_INTEGRITY
          || attribute.type() == StunAttribute.FINGERPRINT) {
        throw new IllegalArgumentException("integrity and fingerprint are added by toBytes");
      }
    }
    return new StunMessage(type, transactionId.clone(), attributes, null, -1, -1);
  }

  /** Reads the first {@code length} bytes of {@code datagram}. */
  public static StunMessage parse(byte[] datagram, int length) throws MalformedStunException {
    if (length < HEADER || length > datagram.length) {
      throw new MalformedStunException("a STUN message has at least 20 bytes, this " + length);
    }
    ByteBuffer in = ByteBuffer.wrap(datagram, 0, length);
    int type = in.getShort() & 0xffff;
    if ((type & 0xc000) != 0) {
      throw new MalformedStunException("the top two bits of a STUN message are zero");
    }
    int bodyLength = in.getShort() & 0xffff;
    if (in.getInt() != MAGIC_COOKIE) {
      throw new MalformedStunException("no magic cookie");
    }
    if (bodyLength % 4 != 0 || HEADER + bodyLength != length) {
      throw new MalformedStunException(
          "message length " + bodyLength + " in a datagram of " + length + " bytes");
    }
    byte[] transactionId = new byte[12];
    in.get(transactionId);
    List<StunAttribute> attributes = new ArrayList<>();
    int integrity = -1;
    int fingerprint = -1;
    while (in.hasRemaining()) {
      int start = in.position();
      if (fingerprint >= 0) {
        throw new MalformedStunException("an attribute after FINGERPRINT");
      }
      if (in.remaining() < 4) {
        throw new MalformedStunException("a truncated attribute header");
      }
      int attributeType = in.getShort() & 0xffff;
      int valueLength = in.getShort() & 0xffff;
      int padded = (valueLength + 3) & ~3;
      if (padded > in.remaining()) {
        throw new MalformedStunException("an attribute of " + valueLength + " bytes overruns");
      }
      byte[] value = new byte[valueLength];
      in.get(value);
      in.position(in.position() + padded - valueLength);
      if (attributeType == StunAttribute.FINGERPRINT) {
        if (valueLength != 4) {
          throw new MalformedStunException("a FINGERPRINT of " + valueLength + " bytes");
        }
        fingerprint = start;
      } else if (integrity >= 0) {
        continue;
      } else if (attributeType == StunAttribute.MESSAGE_INTEGRITY) {
        if (valueLength != INTEGRITY_LENGTH) {
          throw new MalformedStunException("a MESSAGE-INTEGRITY of " + valueLength + " bytes");
        }
        integrity = start;
      } else {
        attributes.add(new StunAttribute(attributeType, value));
      }
    }
    return new StunMessage(
        type, transactionId, attributes, Arrays.copyOf(datagram, length), integrity, fingerprint);
  }

  /** The 14-bit message type: {@link #BINDING_REQUEST} … */
  public int type() {
    return type;
  }

  /** The transaction id (12 bytes). */
  public byte[] transactionId() {
    return transactionId.clone();
  }

  /** The attributes in order, without MESSAGE-INTEGRITY and FINGERPRINT. */
  public List<StunAttribute> attributes() {
    return attributes;
  }

  /** The first attribute of {@code attributeType}, if any. */
  public Optional<StunAttribute> attribute(int attributeType) {
    return attributes.stream().filter(a -> a.type() == attributeType).findFirst();
  }

  /** Whether an attribute of {@code attributeType} is present. */
  public boolean has(int attributeType) {
    return attribute(attributeType).isPresent();
  }

  /** Whether the received message carried MESSAGE-INTEGRITY. */
  public boolean hasIntegrity() {
    return integrityOffset >= 0;
  }

  /** Whether the received message carried FINGERPRINT. */
  public boolean hasFingerprint() {
    return fingerprintOffset >= 0;
  }

  /** USERNAME as UTF-8 text, if present. */
  public Optional<String> username() {
    return attribute(StunAttribute.USERNAME)
        .map(a -> new String(a.value(), StandardCharsets.UTF_8));
  }

  /** PRIORITY, if present with 4 bytes. */
  public OptionalLong priority() {
    return attribute(StunAttribute.PRIORITY)
        .filter(a -> a.value().length == 4)
        .map(a -> OptionalLong.of(ByteBuffer.wrap(a.value()).getInt() & 0xffffffffL))
        .orElse(OptionalLong.empty());
  }

  /** The tie-breaker of ICE-CONTROLLING or ICE-CONTROLLED, whichever is present with 8 bytes. */
  public OptionalLong tieBreaker(int attributeType) {
    return attribute(attributeType)
        .filter(a -> a.value().length == 8)
        .map(a -> OptionalLong.of(ByteBuffer.wrap(a.value()).getLong()))
        .orElse(OptionalLong.empty());
  }

  /** ERROR-CODE's number (class × 100 + number), if present. */
  public Optional<Integer> errorCode() {
    return attribute(StunAttribute.ERROR_CODE)
        .filter(a -> a.value().length >= 4)
        .map(a -> (a.value()[2] & 0x7) * 100 + (a.value()[3] & 0xff));
  }

  /** XOR-MAPPED-ADDRESS decoded, if present and well formed. */
  public Optional<InetSocketAddress> xorMappedAddress() {
    Optional<StunAttribute> attribute = attribute(StunAttribute.XOR_MAPPED_ADDRESS);
    if (attribute.isEmpty()) {
      return Optional.empty();
    }
    byte[] value = attribute.get().value();
    int family = value.length >= 4 ? value[1] : 0;
    int addressLength = family == 1 ? 4 : family == 2 ? 16 : -1;
    if (value.length != 4 + addressLength) {
      return Optional.empty();
    }
    int port = (((value[2] & 0xff) << 8) | (value[3] & 0xff)) ^ (MAGIC_COOKIE >>> 16);
    byte[] mask = addressMask(transactionId);
    byte[] ip = new byte[addressLength];
    for (int i = 0; i < addressLength; i++) {
      ip[i] = (byte) (value[4 + i] ^ mask[i]);
    }
    try {
      return Optional.of(new InetSocketAddress(InetAddress.getByAddress(ip), port));
    } catch (UnknownHostException impossible) {
      return Optional.empty();
    }
  }

  /**
   * Whether the received MESSAGE-INTEGRITY is the HMAC-SHA1 under {@code key} of the message up to
   * it, its length field counting up to and including it (§15.4); false without one.
   */
  public boolean integrityMatches(byte[] key) {
    byte[] bytes = received;
    if (bytes == null || integrityOffset < 0) {
      return false;
    }
    byte[] covered = Arrays.copyOf(bytes, integrityOffset);
    setLength(covered, integrityOffset - HEADER + 4 + INTEGRITY_LENGTH);
    byte[] expected = StunChecksums.hmacSha1(key, covered, covered.length);
    byte[] actual = Arrays.copyOfRange(bytes, integrityOffset + 4, integrityOffset + 24);
    return java.security.MessageDigest.isEqual(expected, actual);
  }

  /** Whether the received FINGERPRINT matches (§15.5); false without one. */
  public boolean fingerprintMatches() {
    byte[] bytes = received;
    if (bytes == null || fingerprintOffset < 0) {
      return false;
    }
    int expected = StunChecksums.crc32(bytes, fingerprintOffset) ^ FINGERPRINT_XOR;
    return ByteBuffer.wrap(bytes, fingerprintOffset + 4, 4).getInt() == expected;
  }

  /**
   * The message as bytes: header, attributes padded with {@code padding}, then MESSAGE-INTEGRITY
   * under {@code integrityKey} when given, then FINGERPRINT when {@code fingerprint}.
   */
  public byte[] toBytes(byte @Nullable [] integrityKey, boolean fingerprint, byte padding) {
    int bodyLength = 0;
    for (StunAttribute attribute : attributes) {
      bodyLength += 4 + ((attribute.value().length + 3) & ~3);
    }
    int total = HEADER + bodyLength + (integrityKey != null ? 24 : 0) + (fingerprint ? 8 : 0);
    if (total - HEADER > 0xffff) {
      throw new IllegalArgumentException("a STUN message of " + total + " bytes");
    }
    ByteBuffer out = ByteBuffer.allocate(total);
    out.putShort((short) type).putShort((short) 0).putInt(MAGIC_COOKIE).put(transactionId);
    for (StunAttribute attribute : attributes) {
      byte[] value = attribute.value();
      out.putShort((short) attribute.type()).putShort((short) value.length).put(value);
      for (int i = value.length; i % 4 != 0; i++) {
        out.put(padding);
      }
    }
    byte[] bytes = out.array();
    if (integrityKey != null) {
      int offset = out.position();
      setLength(bytes, offset - HEADER + 24);
      byte[] mac = StunChecksums.hmacSha1(integrityKey, bytes, offset);
      out.putShort((short) StunAttribute.MESSAGE_INTEGRITY).putShort((short) 20).put(mac);
    }
    if (fingerprint) {
      int offset = out.position();
      setLength(bytes, offset - HEADER + 8);
      int crc = StunChecksums.crc32(bytes, offset) ^ FINGERPRINT_XOR;
      out.putShort((short) StunAttribute.FINGERPRINT).putShort((short) 4).putInt(crc);
    }
    setLength(bytes, total - HEADER);
    return bytes;
  }

  /** {@link #toBytes(byte[], boolean, byte)} padded with zeros. */
  public byte[] toBytes(byte @Nullable [] integrityKey, boolean fingerprint) {
    return toBytes(integrityKey, fingerprint, (byte) 0);
  }

  /** The cookie then the transaction id: what XOR-MAPPED-ADDRESS xors an address with. */
  static byte[] addressMask(byte[] transactionId) {
    return ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).put(transactionId).array();
  }

  private static void setLength(byte[] message, int length) {
    message[2] = (byte) (length >>> 8);
    message[3] = (byte) length;
  }

  @Override
  public String toString() {
    return String.format("StunMessage[0x%04x, %s]", type, attributes);
  }
}
