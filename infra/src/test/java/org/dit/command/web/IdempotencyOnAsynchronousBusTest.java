package org.dit.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.dit.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Idempotency-Key reaches {@link IdempotencyInterceptor} in the command message alone: on Axon's asynchronous bus
 * the handler runs on another thread than the sender, and a repeat is still answered from the key's record.
 */
@ApiTest
class IdempotencyOnAsynchronousBusTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer serializer;

    ExecutorService executor;
    AsynchronousCommandBus bus;
    AtomicInteger handled = new AtomicInteger();
    Set<Thread> handlerThreads = ConcurrentHashMap.newKeySet();
    AtomicBoolean failNext = new AtomicBoolean();

    @BeforeEach
    void setUp() {
        executor = Executors.newFixedThreadPool(2);
        bus = AsynchronousCommandBus.builder().executor(executor).transactionManager(transactionManager).build();
        bus.registerHandlerInterceptor(new IdempotencyInterceptor(jdbc, serializer));
        bus.subscribe(String.class.getName(), message -> {
            handlerThreads.add(Thread.currentThread());
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("the handler failed");
            }
            return handled.incrementAndGet();
        });
    }

    @AfterEach
    void tearDown() {
        bus.shutdown();
        executor.shutdownNow();
    }

    private CommandResultMessage<?> send(String actor, String key, String fingerprint) {
        Map<String, Object> metaData = new java.util.HashMap<>(Map.of(CommandRunner.ACTOR, actor));
        if (key != null) {
            metaData.put(CommandRunner.KEY, key);
            metaData.put(CommandRunner.FINGERPRINT, fingerprint);
        }
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage("command").andMetaData(MetaData.from(metaData)), callback);
        return callback.getResult();
    }

    @Test
    void givenAKeyInTheMetadata_whenTheCommandIsRepeatedOnAnotherThread_thenTheHandlerRunsOnceAndTheRepeatGetsItsResult() {
        String key = UUID.randomUUID().toString();

        CommandResultMessage<?> first = send("clinic-lead", key, "fingerprint-a");
        CommandResultMessage<?> repeat = send("clinic-lead", key, "fingerprint-a");

        assertThat(handlerThreads).isNotEmpty().doesNotContain(Thread.currentThread());
        assertThat(first.isExceptional()).isFalse();
        assertThat(IdempotencyInterceptor.isReplay(first)).isFalse();
        assertThat(repeat.isExceptional()).isFalse();
        assertThat(IdempotencyInterceptor.isReplay(repeat)).isTrue();
        assertThat(repeat.getPayload()).isEqualTo(first.getPayload()).isInstanceOf(Integer.class);
        assertThat(handled).hasValue(1);
    }

    @Test
    void givenAKeyInTheMetadata_whenRepeatedWithAnotherFingerprint_thenItIsRefusedWithoutRunningTheHandler() {
        String key = UUID.randomUUID().toString();
        send("clinic-lead", key, "fingerprint-a");

        CommandResultMessage<?> reuse = send("clinic-lead", key, "fingerprint-b");

        assertThat(reuse.isExceptional()).isTrue();
        assertThat(reuse.exceptionResult()).isInstanceOf(IdempotencyKeyReused.class);
        assertThat(handled).hasValue(1);
    }

    @Test
    void givenAKeyOfOneActor_whenAnotherActorSendsIt_thenTheHandlerRunsForThem() {
        String key = UUID.randomUUID().toString();
        send("clinic-lead", key, "fingerprint-a");

        CommandResultMessage<?> other = send("admin", key, "fingerprint-b");

        assertThat(other.isExceptional()).isFalse();
        assertThat(IdempotencyInterceptor.isReplay(other)).isFalse();
        assertThat(handled).hasValue(2);
    }

    @Test
    void givenAFailedCommand_whenSentAgainWithItsKey_thenItRunsBecauseTheRecordRolledBackWithIt() {
        String key = UUID.randomUUID().toString();
        failNext.set(true);

        CommandResultMessage<?> failed = send("clinic-lead", key, "fingerprint-a");
        Integer records = jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?",
                Integer.class, key);
        CommandResultMessage<?> again = send("clinic-lead", key, "fingerprint-a");

        assertThat(failed.isExceptional()).isTrue();
        assertThat(records).isZero();
        assertThat(again.isExceptional()).isFalse();
        assertThat(IdempotencyInterceptor.isReplay(again)).isFalse();
        assertThat(handled).hasValue(1);
    }

    @Test
    void givenNoKey_whenSentTwice_thenTheHandlerRunsTwice() {
        send("clinic-lead", null, null);
        send("clinic-lead", null, null);

        assertThat(handled).hasValue(2);
    }
}
