package io.basalt.optimizer.catalog;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Calcite's type factory with Basalt's type system and UTF-8 as the character set of every string type and
 * literal: Basalt stores text as UTF-8, and Calcite's default (ISO-8859-1) would refuse literals such as
 * {@code '日本語'}.
 */
public final class BasaltTypeFactory extends JavaTypeFactoryImpl {

    public BasaltTypeFactory() {
        super(BasaltTypeSystem.INSTANCE);
    }

    @Override
    public Charset getDefaultCharset() {
        return StandardCharsets.UTF_8;
    }
}
