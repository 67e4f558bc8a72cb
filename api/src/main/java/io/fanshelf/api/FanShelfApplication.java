package io.fanshelf.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The FanShelf service: {@code java -jar api/target/fanshelf.jar [--fanshelf.demo=true]}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FanShelfApplication {
  public static void main(String[] args) {
    SpringApplication.run(FanShelfApplication.class, args);
  }
}
