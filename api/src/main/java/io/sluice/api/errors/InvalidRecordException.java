package io.sluice.api.errors;

/** The broker refused a record as invalid (e.g. a null key on a compacted topic, a bad timestamp). */
public class InvalidRecordException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
