package io.chainstore.oltp.access;

import io.chainstore.oltp.location.Locations;
import io.chainstore.oltp.web.ApiException;
import io.chainstore.oltp.web.Sha256;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks API keys. Keys are 256 random bits, so a plain SHA-256 is a safe way to store
 * them; the key itself is returned once and never logged.
 */
@Service
public class ApiKeys {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcTemplate jdbc;
  private final Locations locations;

  ApiKeys(JdbcTemplate jdbc, Locations locations) {
    this.jdbc = jdbc;
    this.locations = locations;
  }

  /** A key as created: the only time its secret is visible. */
  public record IssuedKey(
      long id,
      String name,
      Role role,
      Long storeId,
      Long technicianId,
      Long supplierId,
      String key) {}

  /** A key for a role that is bound to nothing or to a store. */
  public IssuedKey issue(String name, Role role, Long storeId) {
    return issue(name, role, storeId, null, null);
  }

  /**
   * A key for any role: a technician's key names the technician (its store is the technician's), a
   * supplier's the supplier.
   */
  @Transactional
  public IssuedKey issue(String name, Role role, Long storeId, Long technicianId, Long supplierId) {
    if (role == Role.TECHNICIAN) {
      if (technicianId == null) {
        throw ApiException.unprocessable("technicianId", "a technician key needs a technician");
      }
      Long store = technicianStore(technicianId);
      if (storeId != null && !storeId.equals(store)) {
        throw ApiException.unprocessable(
            "storeId", "technician " + technicianId + " works at store " + store);
      }
      storeId = store;
    } else if (technicianId != null) {
      throw ApiException.unprocessable(
          "technicianId", "a " + role.code() + " key has no technician");
    }
    if (role == Role.SUPPLIER && supplierId == null) {
      throw ApiException.unprocessable("supplierId", "a supplier key needs a supplier");
    }
    if (role != Role.SUPPLIER && supplierId != null) {
      throw ApiException.unprocessable("supplierId", "a " + role.code() + " key has no supplier");
    }
    if (role.storeBound() && storeId == null) {
      throw ApiException.unprocessable("storeId", "a " + role.code() + " key needs a store");
    }
    if (!role.storeBound() && storeId != null) {
      throw ApiException.unprocessable("storeId", "a " + role.code() + " key has no store");
    }
    if (storeId != null && !locations.isStore(storeId)) {
      throw ApiException.unprocessable("storeId", "no store " + storeId);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = "cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long id = register(name, key, role, storeId, technicianId, supplierId);
    return new IssuedKey(id, name, role, storeId, technicianId, supplierId, key);
  }

  private Long technicianStore(long technicianId) {
    return jdbc
        .queryForList("SELECT store_id FROM technicians WHERE id = ?", Long.class, technicianId)
        .stream()
        .findFirst()
        .orElseThrow(
            () -> ApiException.unprocessable("technicianId", "no technician " + technicianId));
  }

  /** A key as administrators see it: never the key or its hash. */
  public record KeyInfo(
      long id,
      String name,
      Role role,
      Long storeId,
      Long technicianId,
      Long supplierId,
      OffsetDateTime createdAt,
      OffsetDateTime revokedAt) {}

  @Transactional(readOnly = true)
  public List<KeyInfo> list() {
    return jdbc.query(
        "SELECT id, name, role, store_id, technician_id, supplier_id, created_at, revoked_at"
            + " FROM api_keys ORDER BY id",
        (rs, i) ->
            new KeyInfo(
                rs.getLong("id"),
                rs.getString("name"),
                Role.fromCode(rs.getString("role")),
                rs.getObject("store_id", Long.class),
                rs.getObject("technician_id", Long.class),
                rs.getObject("supplier_id", Long.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class)));
  }

  /**
   * Revokes a key for good (a lost till, a leaked secret); revoking it again changes nothing. This
   * instance refuses it at once, others once their few seconds of cached answers run out.
   */
  @Transactional
  public KeyInfo revoke(long id) {
    jdbc.update("UPDATE api_keys SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL", id);
    cache.values().removeIf(c -> c.caller().map(caller -> caller.keyId() == id).orElse(false));
    return list().stream()
        .filter(k -> k.id() == id)
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("id", "no API key " + id));
  }

  /** Registers a key chosen elsewhere (the bootstrap admin key), once. */
  @Transactional
  public void registerIfAbsent(String name, String key, Role role) {
    jdbc.update(
        "INSERT INTO api_keys (name, key_hash, role) VALUES (?, ?, ?) ON CONFLICT (key_hash) DO NOTHING",
        name,
        Sha256.hex(key),
        role.code());
  }

  /**
   * The caller a key belongs to, unless unknown or revoked. Answers are cached for a few seconds
   * (keyed by the hash, never the key), so a revocation takes effect within that time.
   */
  public Optional<Caller> authenticate(String key) {
    String hash = Sha256.hex(key);
    long now = System.nanoTime();
    Cached cached = cache.get(hash);
    if (cached != null && now - cached.at() < CACHE_NANOS) {
      return cached.caller();
    }
    Optional<Caller> caller = lookUp(hash);
    if (cache.size() > 10_000) {
      cache.clear();
    }
    cache.put(hash, new Cached(caller, now));
    return caller;
  }

  private record Cached(Optional<Caller> caller, long at) {}

  private static final long CACHE_NANOS = 5_000_000_000L;
  private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Optional<Caller> lookUp(String hash) {
    return jdbc
        .query(
            "SELECT id, name, role, store_id, technician_id, supplier_id FROM api_keys"
                + " WHERE key_hash = ? AND revoked_at IS NULL",
            (rs, i) ->
                new Caller(
                    rs.getLong("id"),
                    rs.getString("name"),
                    Role.fromCode(rs.getString("role")),
                    rs.getObject("store_id", Long.class),
                    rs.getObject("technician_id", Long.class),
                    rs.getObject("supplier_id", Long.class)),
            hash)
        .stream()
        .findFirst();
  }

  private long register(
      String name, String key, Role role, Long storeId, Long technicianId, Long supplierId) {
    return jdbc.queryForObject(
        "INSERT INTO api_keys (name, key_hash, role, store_id, technician_id, supplier_id)"
            + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        Long.class,
        name,
        Sha256.hex(key),
        role.code(),
        storeId,
        technicianId,
        supplierId);
  }
}
