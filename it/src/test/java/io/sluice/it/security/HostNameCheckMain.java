package io.sluice.it.security;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.core.Producers;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Run in a child JVM whose {@code jdk.net.hosts.file} maps a name the broker's certificate does not
 * list to 127.0.0.1: produces over TLS to that name twice, with Kafka's default host name
 * verification and with it turned off ({@code ssl.endpoint.identification.algorithm=}), and prints one
 * {@code RESULT <outcome>} and one {@code MESSAGE <text>} line for each.
 *
 * <p>Arguments: bootstrap servers, trust store path, trust store password, topic.
 */
public final class HostNameCheckMain {

    private HostNameCheckMain() {
    }

    public static void main(String[] args) {
        for (String algorithm : new String[] {null, ""}) {
            Map<String, Object> config = new HashMap<>();
            config.put("bootstrap.servers", args[0]);
            config.put("security.protocol", "SSL");
            config.put("ssl.truststore.location", args[1]);
            config.put("ssl.truststore.password", args[2]);
            config.put("ssl.truststore.type", "PKCS12");
            config.put("key.serializer", "string");
            config.put("value.serializer", "string");
            config.put("max.block.ms", 60_000);
            if (algorithm != null) {
                config.put("ssl.endpoint.identification.algorithm", algorithm);
            }
            try (Producer<String, String> producer = Producers.create(config)) {
                RecordMetadata md = producer.send(new ProducerRecord<>(args[3], "k", "v")).get();
                System.out.println("RESULT delivered");
                System.out.println("MESSAGE offset " + md.offset());
            } catch (ExecutionException e) {
                System.out.println("RESULT " + e.getCause().getClass().getName());
                System.out.println("MESSAGE " + e.getCause().getMessage().replace('\n', ' '));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.out.println("RESULT interrupted");
            }
        }
    }
}
