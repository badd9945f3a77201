package io.sluice.api.errors;

/** Another producer with the same {@code transactional.id} (or a newer epoch) has started: this producer is fenced off. Fatal: close it. */
public class ProducerFencedException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public ProducerFencedException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public ProducerFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
