package dev.gaia.shared.problem;

import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Problem details for every service; the MVC advice for the servlet ones. */
@AutoConfiguration
public final class ProblemDetailsAutoConfiguration {

    @Bean
    ProblemDetails problemDetails(ObjectProvider<Tracer> tracer) {
        return new ProblemDetails(tracer);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletProblemDetailsConfiguration {

        @Bean
        ProblemDetailsAdvice problemDetailsAdvice(ProblemDetails problems) {
            return new ProblemDetailsAdvice(problems);
        }

        @Bean
        ServletProblemWriter servletProblemWriter(JsonMapper jsonMapper) {
            return new ServletProblemWriter(jsonMapper);
        }
    }
}
