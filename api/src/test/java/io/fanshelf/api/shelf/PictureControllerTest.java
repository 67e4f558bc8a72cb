package io.fanshelf.api.shelf;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import org.junit.jupiter.api.Test;

class PictureControllerTest extends ApiTestBase {

  @Test
  void drawsTheProductWithItsBrandCachedForADayAndRevalidatedByEtag() throws Exception {
    String etag =
        mvc.perform(get("/pictures/bh-002.svg"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", startsWith("image/svg+xml")))
            .andExpect(header().string("Cache-Control", "max-age=86400, public"))
            .andExpect(content().string(startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")))
            .andExpect(content().string(containsString("width=\"240\" height=\"240\"")))
            // The brand is written on the jar of a face cream (面霜).
            .andExpect(content().string(containsString(">润初</text>")))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    mvc.perform(get("/pictures/bh-002.svg").header("If-None-Match", etag))
        .andExpect(status().isNotModified());
  }

  @Test
  void anUnknownOrMalformedProductIsNotFound() throws Exception {
    mvc.perform(get("/pictures/no-such-product.svg")).andExpect(status().isNotFound());
    mvc.perform(get("/pictures/%20bad%3Cid.svg")).andExpect(status().isNotFound());
  }
}
