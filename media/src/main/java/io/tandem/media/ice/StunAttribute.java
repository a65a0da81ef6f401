package io.tandem.media.ice;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One STUN attribute (RFC 5389 §15): its type and its value without padding. Types below 0x8000 are
 * comprehension-required, the others comprehension-optional (§15 and §18.2).
 */
public record StunAttribute(int type, byte[] value) {

  public static final int USERNAME = 0x0006;
  public static final int MESSAGE_INTEGRITY = 0x0008;
  public static final int ERROR_CODE = 0x0009;
  public static final int UNKNOWN_ATTRIBUTES = 0x000A;
  public static final int XOR_MAPPED_ADDRESS = 0x0020;

  /** RFC 8445 §16.1. */
  public static final int PRIORITY = 0x0024;

  /** RFC 8445 §16.1. */
  public static final int USE_CANDIDATE = 0x0025;

  public static final int SOFTWARE = 0x8022;
  public static final int FINGERPRINT = 0x8028;

  /** RFC 8445 §16.1. */
  public static final int ICE_CONTROLLED = 0x8029;

  /** RFC 8445 §16.1. */
  public static final int ICE_CONTROLLING = 0x802A;

  /** The longest value one attribute may carry (its 16-bit length). */
  public static final int MAX_VALUE = 0xffff;

  /** Keeps a copy of {@code value}. */
  public StunAttribute {
    if (type < 0 || type > 0xffff) {
      throw new IllegalArgumentException("attribute type " + type + " is not 16 bits");
    }
    if (value.length > MAX_VALUE) {
      throw new IllegalArgumentException("attribute value of " + value.length + " bytes");
    }
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** Whether an agent that does not know this type must reject the message (type < 0x8000). */
  public boolean comprehensionRequired() {
    return type < 0x8000;
  }

  /** {@code USERNAME} in UTF-8. */
  public static StunAttribute username(String username) {
    return new StunAttribute(USERNAME, username.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code SOFTWARE} in UTF-8. */
  public static StunAttribute software(String software) {
    return new StunAttribute(SOFTWARE, software.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code PRIORITY}: the priority of the checking agent's peer-reflexive candidate. */
  public static StunAttribute priority(long priority) {
    return new StunAttribute(PRIORITY, ByteBuffer.allocate(4).putInt((int) priority).array());
  }

  /** {@code USE-CANDIDATE}: the controlling agent nominates this pair (empty value). */
  public static StunAttribute useCandidate() {
    return new StunAttribute(USE_CANDIDATE, new byte[0]);
  }

  /** {@code ICE-CONTROLLING} with the sender's tie-breaker. */
  public static StunAttribute iceControlling(long tieBreaker) {
    return new StunAttribute(ICE_CONTROLLING, ByteBuffer.allocate(8).putLong(tieBreaker).array());
  }

  /** {@code ICE-CONTROLLED} with the sender's tie-breaker. */
  public static StunAttribute iceControlled(long tieBreaker) {
    return new StunAttribute(ICE_CONTROLLED, ByteBuffer.allocate(8).putLong(tieBreaker).array());
  }

  /** {@code ERROR-CODE} (§15.6): class and number of {@code code} (300-699), then the reason. */
  public static StunAttribute errorCode(int code, String reason) {
    if (code < 300 || code > 699) {
      throw new IllegalArgumentException("STUN error code " + code + " is not in 300-699");
    }
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    ByteBuffer value = ByteBuffer.allocate(4 + text.length);
    value.putShort((short) 0).put((byte) (code / 100)).put((byte) (code % 100)).put(text);
    return new StunAttribute(ERROR_CODE, value.array());
  }

  /** {@code UNKNOWN-ATTRIBUTES} (§15.9) listing {@code types}. */
  public static StunAttribute unknownAttributes(int... types) {
    ByteBuffer value = ByteBuffer.allocate(2 * types.length);
    for (int type : types) {
      value.putShort((short) type);
    }
    return new StunAttribute(UNKNOWN_ATTRIBUTES, value.array());
  }

  /**
   * {@code XOR-MAPPED-ADDRESS} (§15.2) of {@code address}: the port xored with the cookie's top 16
   * bits, an IPv4 address with the cookie, an IPv6 address with the cookie and {@code
   * transactionId}.
   */
  public static StunAttribute xorMappedAddress(InetSocketAddress address, byte[] transactionId) {
    byte[] ip = address.getAddress().getAddress();
    byte[] mask = StunMessage.addressMask(transactionId);
    ByteBuffer value = ByteBuffer.allocate(4 + ip.length);
    value.put((byte) 0).put((byte) (address.getAddress() instanceof Inet4Address ? 1 : 2));
    value.putShort((short) (address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16)));
    for (int i = 0; i < ip.length; i++) {
      value.put((byte) (ip[i] ^ mask[i]));
    }
    return new StunAttribute(XOR_MAPPED_ADDRESS, value.array());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StunAttribute that
        && type == that.type
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return String.format("StunAttribute[0x%04x, %d bytes]", type, value.length);
  }
}
