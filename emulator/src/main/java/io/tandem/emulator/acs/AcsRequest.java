package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.world.AcsResource;

/** An authenticated Call Automation request: the HTTP call and the ACS resource that sent it. */
record AcsRequest(HttpCall http, AcsResource resource) {

  RequestBody body() {
    return RequestBody.of(http);
  }

  String variable(String name) {
    return http.variable(name);
  }
}
