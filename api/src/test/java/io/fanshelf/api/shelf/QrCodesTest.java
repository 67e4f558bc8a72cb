package io.fanshelf.api.shelf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class QrCodesTest {
  @Test
  void theSvgDecodesBackToTheUrl() throws Exception {
    String url = "https://fanshelf.example.com/s/xId6FukkGfz6DWrMQ1xsd9vObbqUw-1iPV7gHMusyFE";
    String svg = QrCodes.svg(url);
    Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    Assertions.assertTrue(size.find(), svg);
    int modules = Integer.parseInt(size.group(1));
    int scale = 4;
    int side = modules * scale;
    byte[] pixels = new byte[side * side];
    java.util.Arrays.fill(pixels, (byte) 255);
    Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
    while (square.find()) {
      int x = Integer.parseInt(square.group(1));
      int y = Integer.parseInt(square.group(2));
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale; dx++) {
          pixels[(y * scale + dy) * side + x * scale + dx] = 0;
        }
      }
    }
    LuminanceSource source =
        new LuminanceSource(side, side) {
          @Override
          public byte[] getRow(int y, byte[] row) {
            byte[] out = row == null || row.length < side ? new byte[side] : row;
            System.arraycopy(pixels, y * side, out, 0, side);
            return out;
          }

          @Override
          public byte[] getMatrix() {
            return pixels;
          }
        };
    String decoded =
        new QRCodeReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
            .getText();
    Assertions.assertEquals(url, decoded);
  }
}
