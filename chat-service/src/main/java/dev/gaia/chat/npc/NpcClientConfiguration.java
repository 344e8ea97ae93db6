package dev.gaia.chat.npc;

import dev.gaia.chat.config.ChatProperties;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

@Configuration(proxyBeanMethods = false)
class NpcClientConfiguration {

    @Bean
    NpcClient npcClient(RestClient.Builder builder, ChatProperties properties) {
        HttpClientSettings timeouts = HttpClientSettings.defaults()
                .withTimeouts(properties.connectTimeout(), properties.npcReadTimeout());
        RestClient restClient = builder.baseUrl(properties.npcUrl().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(timeouts))
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient)).build()
                .createClient(NpcClient.class);
    }
}
