package io.sluice.api.errors;

/** An error reported by a broker, or found by the producer on a broker's behalf (e.g. a record too large to send). */
public class ApiException extends SluiceException {

    private static final long serialVersionUID = 1L;

    public ApiException(String message) {
        super(message);
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
