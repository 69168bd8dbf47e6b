package io.chainstore.oltp.supplier;

import io.chainstore.oltp.supplier.SupplierModels.Supplier;
import io.chainstore.oltp.supplier.SupplierModels.SupplierRequest;
import io.chainstore.oltp.web.ApiException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The suppliers HQ works with, each with what the chain owes it. */
@Service
class Suppliers {

  private static final String SELECT =
      "SELECT s.id, s.code, s.name, (SELECT coalesce(sum(amount), 0)::numeric(18, 2)"
          + " FROM supplier_ledger g WHERE g.supplier_id = s.id) AS owed FROM suppliers s";

  private static final RowMapper<Supplier> SUPPLIER =
      (rs, i) ->
          new Supplier(
              rs.getLong("id"),
              rs.getString("code"),
              rs.getString("name"),
              rs.getBigDecimal("owed"));

  private final JdbcTemplate jdbc;

  Suppliers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Supplier create(SupplierRequest request) {
    if (!jdbc.queryForList("SELECT 1 FROM suppliers WHERE code = ?", request.code()).isEmpty()) {
      throw ApiException.conflict("code", "supplier code " + request.code() + " is taken");
    }
    long id =
        jdbc.queryForObject(
            "INSERT INTO suppliers (code, name) VALUES (?, ?) RETURNING id",
            Long.class,
            request.code(),
            request.name());
    return jdbc.queryForObject(SELECT + " WHERE s.id = ?", SUPPLIER, id);
  }

  @Transactional(readOnly = true)
  List<Supplier> list(int limit, int offset) {
    return jdbc.query(SELECT + " ORDER BY s.id LIMIT ? OFFSET ?", SUPPLIER, limit, offset);
  }
}
