package org.aula.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Slows down guessing: counts failures per key (an account name, a client address, a guest link...) and, past a
 * number of free failures, locks the key for a time that doubles with every further failure, up to a maximum. The
 * state is in the database, so every node sees the same counts. Keys are hashed before they are stored.
 *
 * <p>Use: {@link #lockedFor} before the attempt (refuse while locked, without trying), {@link #failed} after a
 * failed attempt (it tells when that failure started a lock, e.g. to audit it), {@link #succeeded} to forget a key.
 */
@Service
public class Throttle {

    /**
     * How a scope of keys is throttled.
     *
     * @param scope short name stored with the keys, e.g. "login-account"
     * @param freeFailures failures allowed before the first lock
     * @param firstLock length of the first lock; each further failure doubles it
     * @param maxLock longest lock
     * @param forgetAfter failures older than this no longer count
     */
    public record Policy(String scope, int freeFailures, Duration firstLock, Duration maxLock, Duration forgetAfter) {

        Duration lockAfter(int failures) {
            int over = failures - freeFailures - 1;
            if (over < 0) {
                return Duration.ZERO;
            }
            Duration lock = firstLock.multipliedBy(1L << Math.min(over, 30));
            return lock.compareTo(maxLock) > 0 ? maxLock : lock;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    public Throttle(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    Throttle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long the key is still locked, or empty when an attempt may go ahead. */
    public Optional<Duration> lockedFor(Policy policy, String key) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from throttle where scope = ? and key_hash = ?")
                .param(policy.scope()).param(hash(key))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .filter(until -> until != null && until.toInstant().isAfter(now))
                .map(until -> Duration.between(now, until.toInstant()));
    }

    /** Counts a failed attempt; returns the lock it started, if it started one. */
    public Optional<Duration> failed(Policy policy, String key) {
        Instant now = clock.instant();
        String hash = hash(key);
        if (!increment(policy, hash, now)) {
            try {
                jdbc.sql("""
                                insert into throttle (scope, key_hash, failures, last_failure) values (?, ?, 1, ?)""")
                        .param(policy.scope()).param(hash).param(utc(now)).update();
            } catch (DuplicateKeyException raced) {
                increment(policy, hash, now);
            }
        }
        int failures = jdbc.sql("select failures from throttle where scope = ? and key_hash = ?")
                .param(policy.scope()).param(hash).query(Integer.class).single();
        Duration lock = policy.lockAfter(failures);
        if (lock.isZero()) {
            return Optional.empty();
        }
        jdbc.sql("update throttle set locked_until = ? where scope = ? and key_hash = ?")
                .param(utc(now.plus(lock))).param(policy.scope()).param(hash).update();
        return Optional.of(lock);
    }

    /** Forgets the key's failures (e.g. after a successful sign-in to that account). */
    public void succeeded(Policy policy, String key) {
        jdbc.sql("delete from throttle where scope = ? and key_hash = ?").param(policy.scope()).param(hash(key)).update();
    }

    /** Rows of keys nobody has failed with for a day are of no use any more. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        OffsetDateTime dayAgo = utc(clock.instant().minus(Duration.ofDays(1)));
        jdbc.sql("delete from throttle where last_failure < ? and (locked_until is null or locked_until < ?)")
                .param(dayAgo).param(utc(clock.instant())).update();
    }

    private boolean increment(Policy policy, String hash, Instant now) {
        return jdbc.sql("""
                        update throttle set failures = case when last_failure < :forget then 1 else failures + 1 end,
                               last_failure = :now
                        where scope = :scope and key_hash = :hash""")
                .param("forget", utc(now.minus(policy.forgetAfter()))).param("now", utc(now))
                .param("scope", policy.scope()).param("hash", hash)
                .update() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (key == null ? "" : key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
