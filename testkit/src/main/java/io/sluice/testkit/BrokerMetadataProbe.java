package io.sluice.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.common.message.DescribeUserScramCredentialsRequestData;
import org.apache.kafka.common.message.DescribeUserScramCredentialsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DescribeUserScramCredentialsRequest;
import org.apache.kafka.common.requests.DescribeUserScramCredentialsResponse;
import org.apache.kafka.common.requests.MetadataRequest;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Asks ONE broker what its own metadata cache says about a topic (a Metadata request) or a SCRAM user (a
 * DescribeUserScramCredentials request), over a plain socket to its PLAINTEXT listener.
 *
 * <p>The Admin client and the consumer send metadata requests to whichever broker they like, so they cannot tell
 * whether a new topic has reached every broker; this probe can. It uses Kafka's request classes
 * ({@code org.apache.kafka.common.requests}, public but not the documented client API) and Metadata v12, which
 * Kafka 3.0 to 4.x brokers serve.
 */
final class BrokerMetadataProbe {

    private static final short METADATA_VERSION = 12;
    private static final short SCRAM_DESCRIBE_VERSION = 0;
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private BrokerMetadataProbe() {
    }

    /**
     * The leader of each partition of {@code topic} as {@code broker} sees it: partition → leader id, -1 for a
     * partition without a leader. Empty if the broker does not know the topic yet.
     *
     * @throws IOException if the broker cannot be reached or answers something unreadable
     */
    static Map<Integer, Integer> leadersSeenBy(NodeSpec broker, String topic) throws IOException {
        MetadataRequest request = new MetadataRequest.Builder(List.of(topic), false).build(METADATA_VERSION);
        RequestHeader header = new RequestHeader(ApiKeys.METADATA, METADATA_VERSION, "sluice-testkit-probe", 1);
        MetadataResponse response = (MetadataResponse) exchange(broker, request, header);
        Map<Integer, Integer> leaders = new TreeMap<>();
        for (MetadataResponse.TopicMetadata metadata : response.topicMetadata()) {
            if (metadata.topic().equals(topic) && metadata.error() == Errors.NONE) {
                for (MetadataResponse.PartitionMetadata partition : metadata.partitionMetadata()) {
                    leaders.put(partition.partition(), partition.error == Errors.NONE
                            ? partition.leaderId.orElse(-1) : -1);
                }
            }
        }
        return leaders;
    }

    /**
     * The SCRAM mechanisms {@code broker} has credentials for, for {@code user} (e.g. {@code SCRAM-SHA-256}); empty
     * if it knows none. Brokers answer DescribeUserScramCredentials from their own metadata image.
     *
     * @throws IOException if the broker cannot be reached or answers something unreadable
     */
    static Set<String> scramMechanismsSeenBy(NodeSpec broker, String user) throws IOException {
        DescribeUserScramCredentialsRequest request = new DescribeUserScramCredentialsRequest.Builder(
                new DescribeUserScramCredentialsRequestData().setUsers(
                        List.of(new DescribeUserScramCredentialsRequestData.UserName().setName(user))))
                .build(SCRAM_DESCRIBE_VERSION);
        RequestHeader header = new RequestHeader(ApiKeys.DESCRIBE_USER_SCRAM_CREDENTIALS, SCRAM_DESCRIBE_VERSION,
                "sluice-testkit-probe", 2);
        DescribeUserScramCredentialsResponse response = (DescribeUserScramCredentialsResponse) exchange(broker,
                request, header);
        Set<String> mechanisms = new TreeSet<>();
        for (DescribeUserScramCredentialsResponseData.DescribeUserScramCredentialsResult result
                : response.data().results()) {
            if (result.user().equals(user) && result.errorCode() == Errors.NONE.code()) {
                for (DescribeUserScramCredentialsResponseData.CredentialInfo info : result.credentialInfos()) {
                    mechanisms.add(org.apache.kafka.clients.admin.ScramMechanism.fromType(info.mechanism())
                            .mechanismName());
                }
            }
        }
        return mechanisms;
    }

    private static AbstractResponse exchange(NodeSpec broker, AbstractRequest request, RequestHeader header) throws IOException {
        ByteBuffer frame = request.serializeWithHeader(header);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", broker.brokerPort()), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] bytes = new byte[frame.remaining()];
            frame.get(bytes);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] answer = new byte[in.readInt()];
            in.readFully(answer);
            return AbstractResponse.parseResponse(ByteBuffer.wrap(answer), header);
        }
    }
}
