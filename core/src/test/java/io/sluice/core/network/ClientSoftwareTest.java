package io.sluice.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.protocol.ApiVersionsRequest;
import org.junit.jupiter.api.Test;

class ClientSoftwareTest {

    @Test
    void shouldNameItselfSluiceWithAVersionBrokersAccept() {
        assertThat(ClientSoftware.apiVersionsRequest().clientSoftwareName()).isEqualTo("sluice");
        assertThat(ClientSoftware.version()).matches(ApiVersionsRequest.SOFTWARE_NAME_OR_VERSION);
    }

    @Test
    void shouldMakeAnyVersionStringFitWhatBrokersAccept() {
        assertThat(ClientSoftware.sanitize("0.1.0-SNAPSHOT")).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(ClientSoftware.sanitize("1.2.3+build_7")).isEqualTo("1.2.3-build-7");
        assertThat(ClientSoftware.sanitize("-v1.0-")).isEqualTo("v1.0");
        assertThat(ClientSoftware.sanitize("~~~")).isEqualTo("dev");
        assertThat(ClientSoftware.sanitize(null)).isEqualTo("dev");
    }
}
