package dev.gaia.shared.web;

import java.io.InputStream;

import dev.gaia.shared.problem.ProblemDetails;
import dev.gaia.shared.problem.ServletProblemWriter;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestSizeLimitFilterTests {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
            new RequestSizeProperties(DataSize.ofBytes(16)),
            new ProblemDetails(new StaticListableBeanFactory().getBeanProvider(Tracer.class)),
            new ServletProblemWriter(JsonMapper.builder().build()));

    @Test
    void refusesADeclaredBodyAboveTheLimitWithAProblem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/npcs");
        request.setContent(new byte[17]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"payload_too_large\"");
        assertThat(chain.getRequest()).as("the service never sees the request").isNull();
    }

    @Test
    void cutsOffABodyOfUnknownLengthOnceItPassesTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/npcs") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[40]);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        InputStream body = chain.getRequest().getInputStream();
        assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(body::readAllBytes);
    }

    @Test
    void passesBodiesWithinTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/npcs");
        request.setContent(new byte[16]);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(16);
    }
}
