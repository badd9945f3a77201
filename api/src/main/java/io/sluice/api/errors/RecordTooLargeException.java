package io.sluice.api.errors;

/** A record is larger than the producer ({@code max.request.size}, {@code buffer.memory}) or the broker ({@code message.max.bytes}) accepts. */
public class RecordTooLargeException extends ApiException {

    private static final long serialVersionUID = 1L;

    public RecordTooLargeException(String message) {
        super(message);
    }

    public RecordTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
