package io.sluice.core.network;

/** Told the outcome of one request; runs on the sender thread and must not block. */
@FunctionalInterface
public interface ResponseHandler {

    void onComplete(ClientResponse response);
}
