package org.aula.settings;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.aula.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installation's random key for the tokens in URLs BBB calls back (meeting ended). Generated on the first start
 * (demo mode too: never derived from aula.secret-key, which is public in demo mode), stored encrypted like the BBB
 * secret, the same on every node, and rotatable by an admin. After a rotation the previous key is still accepted
 * so that meetings running at that moment can still report their end.
 */
@Service
public class CallbackKey {

    static final String CURRENT = "callbacks.key";
    static final String PREVIOUS = "callbacks.key.previous";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(CallbackKey.class);

    private final SettingsRepository repository;
    private final SecretBox secrets;
    private final AuditLog audit;
    private volatile List<byte[]> cached;

    CallbackKey(SettingsRepository repository, SecretBox secrets, AuditLog audit) {
        this.repository = repository;
        this.secrets = secrets;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void generateOnFirstStart() {
        if (secrets.isConfigured()) {
            keys();
        }
    }

    /** Whether tokens can be made and checked (a key to encrypt the stored key with is configured). */
    public boolean available() {
        return secrets.isConfigured();
    }

    /** The key new tokens are made with. */
    public byte[] current() {
        return keys().getFirst();
    }

    /** The keys tokens are accepted with: the current one, then the one before the last rotation. */
    public List<byte[]> accepted() {
        return keys();
    }

    /** Reads the keys again (another node may have rotated them). */
    public List<byte[]> reload() {
        cached = null;
        return keys();
    }

    /** A new current key; the old one stays accepted until the next rotation. */
    @Transactional
    public void rotate(String actor) {
        String current = repository.platformSettings(CURRENT).get(CURRENT);
        if (current != null) {
            repository.putPlatformSetting(PREVIOUS, current);
        }
        repository.putPlatformSetting(CURRENT, secrets.encrypt(CURRENT, newKey()));
        cached = null;
        audit.record(actor, "plugin.videoconference.callback-key-rotate", "plugin:videoconference",
                "callback key rotated; the previous key is accepted until the next rotation");
    }

    private List<byte[]> keys() {
        List<byte[]> keys = cached;
        if (keys != null) {
            return keys;
        }
        Map<String, String> stored = repository.platformSettings(CURRENT);
        if (stored.get(CURRENT) == null) {
            try {
                repository.insertPlatformSetting(CURRENT, secrets.encrypt(CURRENT, newKey()));
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // use the one that node stored
            }
            stored = repository.platformSettings(CURRENT);
        }
        var list = new ArrayList<byte[]>();
        try {
            list.add(Base64.getDecoder().decode(secrets.decrypt(CURRENT, stored.get(CURRENT))));
            if (stored.get(PREVIOUS) != null) {
                list.add(Base64.getDecoder().decode(secrets.decrypt(CURRENT, stored.get(PREVIOUS))));
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            // aula.secret-key changed since the key was stored: start over with a fresh key (tokens of meetings
            // running now are lost; the room refresher still notices their end).
            log.warn("The stored callback key cannot be read ({}); generating a new one", e.getMessage());
            String fresh = newKey();
            repository.putPlatformSetting(CURRENT, secrets.encrypt(CURRENT, fresh));
            list.clear();
            list.add(Base64.getDecoder().decode(fresh));
        }
        keys = List.copyOf(list);
        cached = keys;
        return keys;
    }

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
