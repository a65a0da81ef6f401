package io.tandem.sip.stack;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/**
 * Writes Tandem's responses to received requests: the status line, the To tag, extra headers given
 * as text and an optional body, sent in the request's server transaction (or statelessly when there
 * is none). A response that cannot be sent is logged, never thrown.
 */
final class ResponseWriter {

  private static final System.Logger LOG = System.getLogger(ResponseWriter.class.getName());

  private final MessageFactoryImpl messages = new MessageFactoryImpl();
  private final HeaderFactoryImpl headers = new HeaderFactoryImpl();

  SentResponse respond(
      Request request,
      @Nullable ServerTransaction transaction,
      SipProvider provider,
      int status,
      String reason,
      String toTag,
      List<SipHeader> extra,
      @Nullable String body,
      @Nullable String contentType) {
    try {
      Response response = messages.createResponse(status, request);
      response.setReasonPhrase(reason);
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (status != 100 && to.getTag() == null && !toTag.isEmpty()) {
        to.setTag(toTag);
      }
      for (SipHeader header : extra) {
        for (Header parsed : parse(header)) {
          response.addHeader(parsed);
        }
      }
      if (body != null && contentType != null) {
        String[] type = contentType.split("/", 2);
        ContentTypeHeader contentTypeHeader = headers.createContentTypeHeader(type[0], type[1]);
        response.setContent(body.getBytes(StandardCharsets.UTF_8), contentTypeHeader);
      }
      if (transaction != null) {
        transaction.sendResponse(response);
      } else {
        provider.sendResponse(response);
      }
      return () -> {
        try {
          provider.sendResponse(response);
        } catch (Exception failed) {
          LOG.log(System.Logger.Level.DEBUG, "retransmission not sent: {0}", failed.toString());
        }
      };
    } catch (Exception failed) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "{0} to {1} not sent: {2}",
          status,
          request.getMethod(),
          failed.toString());
      return SentResponse.NONE;
    }
  }

  private List<Header> parse(SipHeader header) throws ParseException {
    try {
      return List.of(headers.createHeader(header.name(), header.value()));
    } catch (ParseException listHeader) {
      List<Header> parsed = new ArrayList<>();
      headers
          .createHeaders(header.name() + ": " + header.value())
          .forEach(h -> parsed.add((Header) h));
      return parsed;
    }
  }
}
