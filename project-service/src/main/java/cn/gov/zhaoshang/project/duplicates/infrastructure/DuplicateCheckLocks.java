package cn.gov.zhaoshang.project.duplicates.infrastructure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PostgreSQL advisory locks, held until the transaction ends, that keep two registrations of
 * the same project at the same moment from both finding no duplicate (docs/projects.md, "Duplicate
 * review"). A registration locks its city shared, then each of its duplicate keys
 * ({@code DuplicateKeys.lockKeys}) exclusively: registrations that could hit each other share a key
 * and run their checks one after the other, each seeing the other's committed row (READ COMMITTED
 * reads a fresh snapshot per statement, after the lock is granted); unrelated projects of the city
 * do not wait for each other. An import, which registers many rows in one transaction, locks its
 * cities exclusively instead, so that it never waits for a key lock while holding others.
 *
 * <p>Every transaction takes the city locks first, then the key locks in ascending order of their
 * lock ids, so that no two transactions can wait for each other in a cycle.
 */
@Repository
public class DuplicateCheckLocks {

    /** The city locks live in PostgreSQL's two-int advisory lock space, under this class id; the keys in the bigint space. */
    private static final int CITY_LOCK_CLASS = 0x50524a44; // "PRJD"

    private final JdbcClient jdbc;

    public DuplicateCheckLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the city shared and the keys (all of that city) exclusively, until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForCheck(String cityCode, Collection<String> keys) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:class, :city)")
                .param("class", CITY_LOCK_CLASS)
                .param("city", cityLockId(cityCode))
                .query((rs, row) -> 1)
                .list();
        // One statement per lock, so that the order of acquisition is exactly this one.
        for (long id : keys.stream().mapToLong(DuplicateCheckLocks::keyLockId).sorted().distinct().toArray()) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:id)").param("id", id).query((rs, row) -> 1).list();
        }
    }

    /**
     * Locks the cities exclusively until the transaction ends: no registration of these cities runs
     * its check meanwhile, and this transaction's own checks never wait.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockCitiesExclusively(Collection<String> cityCodes) {
        for (int id : cityCodes.stream().mapToInt(DuplicateCheckLocks::cityLockId).sorted().distinct().toArray()) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:class, :city)")
                    .param("class", CITY_LOCK_CLASS)
                    .param("city", id)
                    .query((rs, row) -> 1)
                    .list();
        }
    }

    // Ids derived from a cryptographic digest: the same in every instance of the service, and two
    // keys share a lock (and merely wait for each other) with negligible probability.
    static long keyLockId(String key) {
        return ByteBuffer.wrap(digest("key:" + key)).getLong();
    }

    static int cityLockId(String cityCode) {
        return ByteBuffer.wrap(digest("city:" + cityCode)).getInt();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
