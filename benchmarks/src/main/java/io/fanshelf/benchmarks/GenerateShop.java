package io.fanshelf.benchmarks;

import java.nio.file.Path;

/**
 * Writes {@link SyntheticShop}'s generated platform as import files, for load tests of the service
 * on more data than the demo has: start it with {@code --fanshelf.demo=true
 * --fanshelf.demo-data=file:DIR/} and it imports them (docs/benchmarks.md).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.fanshelf.benchmarks.GenerateShop DIR \
 *     [products=100000] [fans=100000] [events=5000000] [seed=42]
 * </pre>
 */
public final class GenerateShop {
  private GenerateShop() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 5) {
      System.err.println("usage: GenerateShop DIR [products] [fans] [events] [seed]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int products = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int fans = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int events = args.length > 3 ? Integer.parseInt(args[3]) : 5_000_000;
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
    long started = System.nanoTime();
    SyntheticShop.write(dir, products, fans, events, seed);
    System.out.printf(
        "wrote %,d products, %,d fans, %,d events to %s in %.1f s%n",
        products, fans, events, dir, (System.nanoTime() - started) / 1e9);
  }
}
