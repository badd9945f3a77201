package io.sluice.core.protocol;

import io.sluice.api.errors.ApiException;
import io.sluice.api.errors.AuthenticationException;
import io.sluice.api.errors.AuthorizationException;
import io.sluice.api.errors.BrokerException;
import io.sluice.api.errors.ClusterAuthorizationException;
import io.sluice.api.errors.CorruptRecordException;
import io.sluice.api.errors.DuplicateSequenceException;
import io.sluice.api.errors.InvalidMetadataException;
import io.sluice.api.errors.InvalidProducerEpochException;
import io.sluice.api.errors.InvalidRecordException;
import io.sluice.api.errors.InvalidRequiredAcksException;
import io.sluice.api.errors.InvalidTopicException;
import io.sluice.api.errors.KafkaStorageException;
import io.sluice.api.errors.LeaderNotAvailableException;
import io.sluice.api.errors.NetworkException;
import io.sluice.api.errors.NotEnoughReplicasAfterAppendException;
import io.sluice.api.errors.NotEnoughReplicasException;
import io.sluice.api.errors.NotLeaderOrFollowerException;
import io.sluice.api.errors.OutOfOrderSequenceException;
import io.sluice.api.errors.ProducerFencedException;
import io.sluice.api.errors.RecordBatchTooLargeException;
import io.sluice.api.errors.RecordTooLargeException;
import io.sluice.api.errors.RetriableBrokerException;
import io.sluice.api.errors.SaslAuthenticationException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.api.errors.TopicAuthorizationException;
import io.sluice.api.errors.TransactionalIdAuthorizationException;
import io.sluice.api.errors.UnknownProducerIdException;
import io.sluice.api.errors.UnknownServerException;
import io.sluice.api.errors.UnknownTopicOrPartitionException;
import io.sluice.api.errors.UnsupportedVersionException;
import java.util.function.Function;

/**
 * Kafka's error codes: the code on the wire, the name Kafka gives it, whether Kafka marks it
 * retriable, and the Sluice exception it becomes. Codes, names and retriable flags are those of
 * Kafka 4.4's {@code org.apache.kafka.common.protocol.Errors} (checked by a test against it).
 *
 * <p>Mapping: the errors a producer meets map to their specific exception in
 * {@code io.sluice.api.errors}; the others to {@link InvalidMetadataException} where Kafka's
 * exception is one (the sender refreshes metadata on those), {@link AuthorizationException} /
 * {@link AuthenticationException} likewise, else {@link RetriableBrokerException} or
 * {@link BrokerException} by the retriable flag. Every message starts with the error's name; the
 * errors a producer meets add what to do. A code this table does not know (a newer broker) becomes
 * a non-retriable {@link BrokerException} through {@link #exceptionFor}.
 */
public enum Errors {
    UNKNOWN_SERVER_ERROR(-1, false, UnknownServerException::new,
            "the broker hit an unexpected error; its server log says more"),
    NONE(0, false, null, null),
    OFFSET_OUT_OF_RANGE(1, false, null, null),
    CORRUPT_MESSAGE(2, true, CorruptRecordException::new,
            "the broker found the batch corrupt (CRC or size); it is retried"),
    UNKNOWN_TOPIC_OR_PARTITION(3, true, UnknownTopicOrPartitionException::new,
            "the broker does not host this topic or partition (yet); retried after a metadata refresh"),
    INVALID_FETCH_SIZE(4, false, null, null),
    LEADER_NOT_AVAILABLE(5, true, LeaderNotAvailableException::new,
            "the partition has no leader right now (an election is running); retried after a metadata refresh"),
    NOT_LEADER_OR_FOLLOWER(6, true, NotLeaderOrFollowerException::new,
            "leadership moved; retried on the new leader after a metadata refresh"),
    REQUEST_TIMED_OUT(7, true, TimeoutException::new,
            "the broker did not get the replicas' acks within the request timeout; retried"),
    BROKER_NOT_AVAILABLE(8, false, null, null),
    REPLICA_NOT_AVAILABLE(9, true, InvalidMetadataException::new, null),
    MESSAGE_TOO_LARGE(10, false, RecordTooLargeException::new,
            "a batch is larger than the topic's max.message.bytes; lower batch.size or raise the topic's limit"),
    STALE_CONTROLLER_EPOCH(11, false, null, null),
    OFFSET_METADATA_TOO_LARGE(12, false, null, null),
    NETWORK_EXCEPTION(13, true, NetworkException::new,
            "the broker lost a connection while handling the request; retried"),
    COORDINATOR_LOAD_IN_PROGRESS(14, true, null, null),
    COORDINATOR_NOT_AVAILABLE(15, true, null, null),
    NOT_COORDINATOR(16, true, null, null),
    INVALID_TOPIC_EXCEPTION(17, false, InvalidTopicException::new,
            "the topic name is not valid, or the topic is internal and cannot be written to"),
    RECORD_LIST_TOO_LARGE(18, false, RecordBatchTooLargeException::new,
            "the request is larger than the broker accepts (socket.request.max.bytes); lower max.request.size"),
    NOT_ENOUGH_REPLICAS(19, true, NotEnoughReplicasException::new,
            "fewer in-sync replicas than min.insync.replicas; retried until enough are back"),
    NOT_ENOUGH_REPLICAS_AFTER_APPEND(20, true, NotEnoughReplicasAfterAppendException::new,
            "written by the leader but acknowledged by too few replicas; retried (without idempotence this may duplicate records)"),
    INVALID_REQUIRED_ACKS(21, false, InvalidRequiredAcksException::new, "acks must be 0, 1 or all (-1)"),
    ILLEGAL_GENERATION(22, false, null, null),
    INCONSISTENT_GROUP_PROTOCOL(23, false, null, null),
    INVALID_GROUP_ID(24, false, null, null),
    UNKNOWN_MEMBER_ID(25, false, null, null),
    INVALID_SESSION_TIMEOUT(26, false, null, null),
    REBALANCE_IN_PROGRESS(27, false, null, null),
    INVALID_COMMIT_OFFSET_SIZE(28, false, null, null),
    TOPIC_AUTHORIZATION_FAILED(29, false, TopicAuthorizationException::new,
            "grant this principal WRITE and DESCRIBE on the topic"),
    GROUP_AUTHORIZATION_FAILED(30, false, AuthorizationException::new, null),
    CLUSTER_AUTHORIZATION_FAILED(31, false, ClusterAuthorizationException::new,
            "grant this principal IDEMPOTENT_WRITE on the cluster, or set enable.idempotence=false"),
    INVALID_TIMESTAMP(32, false, InvalidRecordException::new,
            "a record timestamp is outside the topic's accepted window (message.timestamp.*.max.ms); check the record timestamps and the producer's clock"),
    UNSUPPORTED_SASL_MECHANISM(33, false, SaslAuthenticationException::new,
            "the listener does not enable this sasl.mechanism; pick one it enables"),
    ILLEGAL_SASL_STATE(34, false, SaslAuthenticationException::new, null),
    UNSUPPORTED_VERSION(35, false, UnsupportedVersionException::new,
            "the broker does not support this request version; check the broker's Kafka version"),
    TOPIC_ALREADY_EXISTS(36, false, null, null),
    INVALID_PARTITIONS(37, false, null, null),
    INVALID_REPLICATION_FACTOR(38, false, null, null),
    INVALID_REPLICA_ASSIGNMENT(39, false, null, null),
    INVALID_CONFIG(40, false, null, null),
    NOT_CONTROLLER(41, true, null, null),
    INVALID_REQUEST(42, false, null, null),
    UNSUPPORTED_FOR_MESSAGE_FORMAT(43, false, null, null),
    POLICY_VIOLATION(44, false, null, "the broker's policy refused the request"),
    OUT_OF_ORDER_SEQUENCE_NUMBER(45, false, OutOfOrderSequenceException::new,
            "the broker saw a gap in this producer's sequence numbers: records may have been lost"),
    DUPLICATE_SEQUENCE_NUMBER(46, false, DuplicateSequenceException::new,
            "the broker already has this batch; it counts as delivered"),
    INVALID_PRODUCER_EPOCH(47, false, InvalidProducerEpochException::new, "a newer epoch of this producer id exists"),
    INVALID_TXN_STATE(48, false, null, null),
    INVALID_PRODUCER_ID_MAPPING(49, false, null, null),
    INVALID_TRANSACTION_TIMEOUT(50, false, null, null),
    CONCURRENT_TRANSACTIONS(51, true, null, null),
    TRANSACTION_COORDINATOR_FENCED(52, false, null,
            "a newer transaction coordinator took over; retry against the new coordinator"),
    TRANSACTIONAL_ID_AUTHORIZATION_FAILED(53, false, TransactionalIdAuthorizationException::new,
            "grant this principal WRITE and DESCRIBE on the transactional id"),
    SECURITY_DISABLED(54, false, null, null),
    OPERATION_NOT_ATTEMPTED(55, false, null, null),
    KAFKA_STORAGE_ERROR(56, true, KafkaStorageException::new,
            "the broker's log directory for this partition is offline; retried after a metadata refresh"),
    LOG_DIR_NOT_FOUND(57, false, null, null),
    SASL_AUTHENTICATION_FAILED(58, false, SaslAuthenticationException::new,
            "check the SASL credentials in sasl.jaas.config"),
    UNKNOWN_PRODUCER_ID(59, false, UnknownProducerIdException::new,
            "the broker no longer has state for this producer id (it expired or was deleted)"),
    REASSIGNMENT_IN_PROGRESS(60, false, null, null),
    DELEGATION_TOKEN_AUTH_DISABLED(61, false, null, null),
    DELEGATION_TOKEN_NOT_FOUND(62, false, null, null),
    DELEGATION_TOKEN_OWNER_MISMATCH(63, false, null, null),
    DELEGATION_TOKEN_REQUEST_NOT_ALLOWED(64, false, null, null),
    DELEGATION_TOKEN_AUTHORIZATION_FAILED(65, false, AuthorizationException::new, null),
    DELEGATION_TOKEN_EXPIRED(66, false, null, null),
    INVALID_PRINCIPAL_TYPE(67, false, null, null),
    NON_EMPTY_GROUP(68, false, null, null),
    GROUP_ID_NOT_FOUND(69, false, null, null),
    FETCH_SESSION_ID_NOT_FOUND(70, true, null, null),
    INVALID_FETCH_SESSION_EPOCH(71, true, null, null),
    LISTENER_NOT_FOUND(72, true, InvalidMetadataException::new, null),
    TOPIC_DELETION_DISABLED(73, false, null, null),
    FENCED_LEADER_EPOCH(74, true, InvalidMetadataException::new, null),
    UNKNOWN_LEADER_EPOCH(75, true, null, null),
    UNSUPPORTED_COMPRESSION_TYPE(76, false, null,
            "the broker or topic does not accept this compression.type (zstd needs Kafka 2.1+)"),
    STALE_BROKER_EPOCH(77, false, null, null),
    OFFSET_NOT_AVAILABLE(78, true, null, null),
    MEMBER_ID_REQUIRED(79, false, null, null),
    PREFERRED_LEADER_NOT_AVAILABLE(80, true, InvalidMetadataException::new, null),
    GROUP_MAX_SIZE_REACHED(81, false, null, null),
    FENCED_INSTANCE_ID(82, false, null, null),
    ELIGIBLE_LEADERS_NOT_AVAILABLE(83, true, InvalidMetadataException::new, null),
    ELECTION_NOT_NEEDED(84, true, InvalidMetadataException::new, null),
    NO_REASSIGNMENT_IN_PROGRESS(85, false, null, null),
    GROUP_SUBSCRIBED_TO_TOPIC(86, false, null, null),
    INVALID_RECORD(87, false, InvalidRecordException::new,
            "the broker refused a record (e.g. a null key on a compacted topic); see the record errors"),
    UNSTABLE_OFFSET_COMMIT(88, true, null, null),
    THROTTLING_QUOTA_EXCEEDED(89, true, null, "a quota was exceeded; retried after the throttle time"),
    PRODUCER_FENCED(90, false, ProducerFencedException::new,
            "another producer with the same transactional.id has started; close this one"),
    RESOURCE_NOT_FOUND(91, false, null, null),
    DUPLICATE_RESOURCE(92, false, null, null),
    UNACCEPTABLE_CREDENTIAL(93, false, null, null),
    INCONSISTENT_VOTER_SET(94, false, null, null),
    INVALID_UPDATE_VERSION(95, false, null, null),
    FEATURE_UPDATE_FAILED(96, false, null, null),
    PRINCIPAL_DESERIALIZATION_FAILURE(97, false, null, null),
    SNAPSHOT_NOT_FOUND(98, false, null, null),
    POSITION_OUT_OF_RANGE(99, false, null, null),
    UNKNOWN_TOPIC_ID(100, true, InvalidMetadataException::new,
            "the broker does not know this topic id (deleted or re-created topic); retried after a metadata refresh"),
    DUPLICATE_BROKER_REGISTRATION(101, false, null, null),
    BROKER_ID_NOT_REGISTERED(102, false, null, null),
    INCONSISTENT_TOPIC_ID(103, true, InvalidMetadataException::new, null),
    INCONSISTENT_CLUSTER_ID(104, false, null, null),
    TRANSACTIONAL_ID_NOT_FOUND(105, false, null, null),
    FETCH_SESSION_TOPIC_ID_ERROR(106, true, null, null),
    INELIGIBLE_REPLICA(107, false, null, null),
    NEW_LEADER_ELECTED(108, false, null, null),
    OFFSET_MOVED_TO_TIERED_STORAGE(109, false, null, null),
    FENCED_MEMBER_EPOCH(110, false, null, null),
    UNRELEASED_INSTANCE_ID(111, false, null, null),
    UNSUPPORTED_ASSIGNOR(112, false, null, null),
    STALE_MEMBER_EPOCH(113, false, null, null),
    MISMATCHED_ENDPOINT_TYPE(114, false, null, null),
    UNSUPPORTED_ENDPOINT_TYPE(115, false, null, null),
    UNKNOWN_CONTROLLER_ID(116, false, null, null),
    UNKNOWN_SUBSCRIPTION_ID(117, false, null, null),
    TELEMETRY_TOO_LARGE(118, false, null, null),
    INVALID_REGISTRATION(119, false, null, null),
    TRANSACTION_ABORTABLE(120, false, null, "abort the transaction, then retry it"),
    INVALID_RECORD_STATE(121, false, null, null),
    SHARE_SESSION_NOT_FOUND(122, true, null, null),
    INVALID_SHARE_SESSION_EPOCH(123, true, null, null),
    FENCED_STATE_EPOCH(124, false, null, null),
    INVALID_VOTER_KEY(125, false, null, null),
    DUPLICATE_VOTER(126, false, null, null),
    VOTER_NOT_FOUND(127, false, null, null),
    INVALID_REGULAR_EXPRESSION(128, false, null, null),
    REBOOTSTRAP_REQUIRED(129, false, null, "the client must rebootstrap: reconnect through bootstrap.servers"),
    STREAMS_INVALID_TOPOLOGY(130, false, null, null),
    STREAMS_INVALID_TOPOLOGY_EPOCH(131, false, null, null),
    STREAMS_TOPOLOGY_FENCED(132, false, null, null),
    SHARE_SESSION_LIMIT_REACHED(133, true, null, null),
    GROUP_DELETION_FAILED(134, false, null, null),
    STREAMS_TOPOLOGY_DESCRIPTION_UPDATE_FAILED(135, false, null, null),
    CONTROLLER_ID_NOT_REGISTERED(136, false, null, null);

    private static final Errors[] BY_CODE = new Errors[256];
    private static final int OFFSET = 1; // UNKNOWN_SERVER_ERROR is -1

    static {
        for (Errors error : values()) {
            BY_CODE[error.code + OFFSET] = error;
        }
    }

    private final short code;
    private final boolean retriable;
    private final Function<String, ApiException> factory;
    private final String hint;

    Errors(int code, boolean retriable, Function<String, ApiException> specific, String hint) {
        this.code = (short) code;
        this.retriable = retriable;
        this.factory = specific != null ? specific
                : retriable ? RetriableBrokerException::new : BrokerException::new;
        this.hint = hint;
    }

    /** The code on the wire. */
    public short code() {
        return code;
    }

    /** Whether Kafka marks the error retriable: a retry of the same request may succeed. */
    public boolean retriable() {
        return retriable;
    }

    /** The error with this code, or {@code null} if this table does not know it (see {@link #exceptionFor}). */
    public static Errors forCode(short code) {
        int index = code + OFFSET;
        return index >= 0 && index < BY_CODE.length ? BY_CODE[index] : null;
    }

    /**
     * The exception for this error; its message is {@code NAME: message}, followed by what to do
     * where that is known.
     *
     * @param message what failed, e.g. {@code "Produce to orders-3 on broker 2"}; may be null
     * @throws IllegalStateException for {@link #NONE}, which is not an error
     */
    public ApiException exception(String message) {
        if (this == NONE) {
            throw new IllegalStateException("Error code 0 (NONE) means success; there is no exception for it");
        }
        StringBuilder text = new StringBuilder(name());
        if (message != null && !message.isEmpty()) {
            text.append(": ").append(message);
        }
        if (hint != null) {
            text.append(" (").append(hint).append(')');
        }
        return factory.apply(text.toString());
    }

    /**
     * The exception for {@code code} from a broker, known or not: an unknown code (a broker newer
     * than this table) becomes a non-retriable {@link BrokerException} saying so.
     *
     * @throws IllegalStateException for code 0, which is not an error
     */
    public static ApiException exceptionFor(short code, String message) {
        Errors error = forCode(code);
        if (error != null) {
            return error.exception(message);
        }
        return new BrokerException("Unknown error code " + code + " from broker"
                + (message == null || message.isEmpty() ? "" : ": " + message)
                + " (the broker is newer than this Sluice knows; its log or Kafka's protocol docs name the code)");
    }

    /** Whether {@code code} is retriable; unknown codes are not. */
    public static boolean isRetriable(short code) {
        Errors error = forCode(code);
        return error != null && error.retriable;
    }
}
