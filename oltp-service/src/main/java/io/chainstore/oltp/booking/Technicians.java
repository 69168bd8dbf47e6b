package io.chainstore.oltp.booking;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.booking.TechnicianModels.HoursRequest;
import io.chainstore.oltp.booking.TechnicianModels.HoursSpan;
import io.chainstore.oltp.booking.TechnicianModels.SkillsRequest;
import io.chainstore.oltp.booking.TechnicianModels.Technician;
import io.chainstore.oltp.booking.TechnicianModels.TechnicianRequest;
import io.chainstore.oltp.location.Locations;
import io.chainstore.oltp.web.ApiException;
import java.sql.Time;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Technicians of a store, what they perform and when they work. HQ admins manage every store's; a
 * store manager only its own store's.
 */
@Service
class Technicians {

  private final JdbcTemplate jdbc;
  private final Locations locations;

  Technicians(JdbcTemplate jdbc, Locations locations) {
    this.jdbc = jdbc;
    this.locations = locations;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Technician create(TechnicianRequest request, Caller caller) {
    caller.requireStore(request.storeId(), "storeId");
    if (!locations.isStore(request.storeId())) {
      throw ApiException.unprocessable("storeId", "no store " + request.storeId());
    }
    long id =
        jdbc.queryForObject(
            "INSERT INTO technicians (store_id, name) VALUES (?, ?) RETURNING id",
            Long.class,
            request.storeId(),
            request.name());
    return load(id);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Technician setSkills(long technicianId, SkillsRequest request, Caller caller) {
    lockForChange(technicianId, caller);
    List<Long> ids = request.productIds();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!seen.add(ids.get(i))) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST,
            "productIds[" + i + "]",
            "product " + ids.get(i) + " appears more than once");
      }
    }
    Map<Long, String> kinds = new HashMap<>();
    jdbc.query(
        "SELECT id, kind FROM products WHERE id = ANY (?::bigint[])",
        rs -> {
          kinds.put(rs.getLong("id"), rs.getString("kind"));
        },
        (Object) ids.toArray(Long[]::new));
    for (int i = 0; i < ids.size(); i++) {
      String kind = kinds.get(ids.get(i));
      if (kind == null) {
        throw ApiException.unprocessable("productIds[" + i + "]", "no product " + ids.get(i));
      }
      if (!kind.equals("service")) {
        throw ApiException.unprocessable(
            "productIds[" + i + "]", "product " + ids.get(i) + " is " + kind + ", not a service");
      }
    }
    jdbc.update("DELETE FROM technician_skills WHERE technician_id = ?", technicianId);
    for (long product : ids) {
      jdbc.update(
          "INSERT INTO technician_skills (technician_id, product_id) VALUES (?, ?)",
          technicianId,
          product);
    }
    return load(technicianId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Technician setHours(long technicianId, HoursRequest request, Caller caller) {
    lockForChange(technicianId, caller);
    List<WorkingHours.Span> spans = request.hours().stream().map(HoursSpan::span).toList();
    WorkingHours.check(spans, "hours");
    jdbc.update("DELETE FROM technician_hours WHERE technician_id = ?", technicianId);
    for (WorkingHours.Span span : spans) {
      jdbc.update(
          "INSERT INTO technician_hours (technician_id, weekday, starts_at, ends_at)"
              + " VALUES (?, ?, ?, ?)",
          technicianId,
          span.weekday(),
          Time.valueOf(span.from()),
          Time.valueOf(span.to()));
    }
    return load(technicianId);
  }

  @Transactional(readOnly = true)
  Technician get(long technicianId, Caller caller) {
    Technician technician = load(technicianId);
    caller.requireStore(technician.storeId(), "technicianId");
    return technician;
  }

  /** The store's technicians, optionally only those who perform a service product. */
  @Transactional(readOnly = true)
  List<Technician> list(long storeId, Long productId) {
    if (!locations.isStore(storeId)) {
      throw ApiException.notFound("storeId", "no store " + storeId);
    }
    List<Long> ids =
        jdbc.queryForList(
            "SELECT t.id FROM technicians t WHERE t.store_id = ? AND (?::bigint IS NULL OR EXISTS"
                + " (SELECT 1 FROM technician_skills s WHERE s.technician_id = t.id"
                + " AND s.product_id = ?)) ORDER BY t.id",
            Long.class,
            storeId,
            productId,
            productId);
    List<Technician> out = new ArrayList<>();
    for (long id : ids) {
      out.add(load(id));
    }
    return out;
  }

  /** Weekly hours of a technician. */
  List<WorkingHours.Span> hours(long technicianId) {
    return jdbc.query(
        "SELECT weekday, starts_at, ends_at FROM technician_hours WHERE technician_id = ?"
            + " ORDER BY weekday, starts_at",
        (rs, i) ->
            new WorkingHours.Span(
                rs.getInt("weekday"),
                rs.getObject("starts_at", LocalTime.class),
                rs.getObject("ends_at", LocalTime.class)),
        technicianId);
  }

  private void lockForChange(long technicianId, Caller caller) {
    List<Long> store =
        jdbc.queryForList(
            "SELECT store_id FROM technicians WHERE id = ? FOR UPDATE", Long.class, technicianId);
    if (store.isEmpty()) {
      throw ApiException.notFound("technicianId", "no technician " + technicianId);
    }
    caller.requireStore(store.get(0), "technicianId");
  }

  private Technician load(long id) {
    List<Technician> found =
        jdbc.query(
            "SELECT id, store_id, name, active FROM technicians WHERE id = ?",
            (rs, i) ->
                new Technician(
                    rs.getLong("id"),
                    rs.getLong("store_id"),
                    rs.getString("name"),
                    rs.getBoolean("active"),
                    jdbc.queryForList(
                        "SELECT product_id FROM technician_skills WHERE technician_id = ?"
                            + " ORDER BY product_id",
                        Long.class,
                        id),
                    hours(id).stream().map(HoursSpan::of).toList()),
            id);
    if (found.isEmpty()) {
      throw ApiException.notFound("technicianId", "no technician " + id);
    }
    return found.get(0);
  }
}
