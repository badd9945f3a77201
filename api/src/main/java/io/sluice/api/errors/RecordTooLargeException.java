package io.sluice.api.errors;

/** A record is larger than the producer ({@code max.request.size}, {@code buffer.memory}) or the broker ({@code message.max.bytes}) accepts. */
public class RecordTooLargeException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public RecordTooLargeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public RecordTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
