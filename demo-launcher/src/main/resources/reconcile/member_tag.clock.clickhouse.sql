SELECT toUInt64(min(as_of_ms)) AS as_of_ms FROM member_tag_clock FINAL
