package dev.gaia.model.resilience;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamWatchTests {

    private final AtomicLong nanos = new AtomicLong();

    private StreamWatch watch(Duration firstToken, Duration idleBetweenTokens) {
        return new StreamWatch(Thread.currentThread(), firstToken, idleBetweenTokens, nanos::get);
    }

    private void pass(long millis) {
        nanos.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void interruptsTheCallerWhileTheProviderHasNotAnsweredAndClearsItAfterwards() throws Exception {
        StreamWatch watch = watch(Duration.ofMillis(20), Duration.ofSeconds(10));
        pass(40);

        watch.check();

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(watch.answered(() -> { })).as("the first token's time ran out").isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(watch.expired()).isTrue();
    }

    @Test
    void doesNotLetBytesWithoutATokenExtendTheFirstTokensTime() throws Exception {
        AtomicInteger cancelled = new AtomicInteger();
        StreamWatch watch = watch(Duration.ofMillis(50), Duration.ofSeconds(10));
        assertThat(watch.answered(cancelled::incrementAndGet)).isTrue();
        InputStream body = watch.watching(new ByteArrayInputStream(new byte[100]));

        for (int i = 0; i < 6; i++) {
            pass(15);
            body.read();
            watch.check();
        }

        assertThat(cancelled).hasValue(1);
        assertThat(watch.expired()).isTrue();
    }

    @Test
    void endsAnAnswerOnlyWhenItIsSilentLongerThanTheIdleLimitAfterItsFirstToken() throws Exception {
        AtomicInteger cancelled = new AtomicInteger();
        StreamWatch watch = watch(Duration.ofSeconds(10), Duration.ofMillis(60));
        watch.answered(cancelled::incrementAndGet);
        watch.firstTokenArrived();
        InputStream body = watch.watching(new ByteArrayInputStream(new byte[100]));

        for (int i = 0; i < 5; i++) {
            pass(20);
            body.read();
            watch.check();
        }
        assertThat(cancelled).as("bytes kept arriving").hasValue(0);

        pass(100);
        watch.check();
        watch.check();
        assertThat(cancelled).hasValue(1);
    }

    @Test
    void checksNothingOnceTheAnswerHasEnded() throws Exception {
        AtomicInteger cancelled = new AtomicInteger();
        StreamWatch watch = watch(Duration.ofMillis(10), Duration.ofMillis(10));
        watch.answered(cancelled::incrementAndGet);
        watch.done();
        pass(30);

        watch.check();

        assertThat(cancelled).hasValue(0);
        assertThat(watch.expired()).isFalse();
    }
}
