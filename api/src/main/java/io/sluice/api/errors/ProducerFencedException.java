package io.sluice.api.errors;

/** Another producer with the same {@code transactional.id} (or a newer epoch) has started: this producer is fenced off. Fatal: close it. */
public class ProducerFencedException extends ApiException {

    private static final long serialVersionUID = 1L;

    public ProducerFencedException(String message) {
        super(message);
    }

    public ProducerFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
