package io.chainstore.oltp.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * UUIDs in paths and query parameters read as {@link Uuids} says. A converter is not enough: when
 * one refuses a value, Spring falls back to its default UUID editor, which reads "1-1-1-1-1".
 */
@ControllerAdvice
class StrictUuidBinding {

  @InitBinder
  void strictUuids(WebDataBinder binder) {
    binder.registerCustomEditor(
        UUID.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(Uuids.parse(text));
          }
        });
  }
}
