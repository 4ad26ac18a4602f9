package io.basalt.optimizer.sql;

import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.CatalogSchema;
import io.basalt.storage.commit.Manifest;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.List;
import java.util.Properties;

/**
 * From query text to Calcite's relational algebra: parse, reject what is not supported yet, validate against the
 * catalog (names, types, implicit casts), convert to a {@link RelRoot}. Every error becomes a
 * {@link PlanningException} with its SQLSTATE and position.
 *
 * <p>Subqueries stay {@code RexSubQuery} expressions here ({@code expand = false}); the optimizer's phases turn
 * them into joins.
 */
public final class QueryTranslator {

    private static final CalciteConnectionConfig CONNECTION_CONFIG = connectionConfig();

    private static final SqlValidator.Config VALIDATOR_CONFIG = SqlValidator.Config.DEFAULT
            .withConformance(QueryParser.CONFORMANCE)
            .withIdentifierExpansion(true)
            // PostgreSQL's order: NULLs sort as if larger than every value.
            .withDefaultNullCollation(NullCollation.HIGH);

    private static final SqlToRelConverter.Config CONVERTER_CONFIG = SqlToRelConverter.config()
            .withExpand(false)
            .withTrimUnusedFields(true)
            .withDecorrelationEnabled(true)
            .withInSubQueryThreshold(Integer.MAX_VALUE);

    private QueryTranslator() {
    }

    /**
     * @param cluster where the relational expressions live; its type factory must use Basalt's type system
     */
    public static TranslatedQuery translate(String queryText, Manifest catalog, String defaultSchema,
                                            RelOptCluster cluster) {
        QueryParser.ParsedQuery parsedQuery = QueryParser.parse(queryText);
        SqlNode parsed = parsedQuery.query();
        rejectParameters(parsedQuery);
        RelDataTypeFactory typeFactory = cluster.getTypeFactory();
        CalciteCatalogReader catalogReader = new CalciteCatalogReader(CatalogSchema.rootOf(catalog),
                List.of(defaultSchema), typeFactory, CONNECTION_CONFIG);
        SqlValidator validator = SqlValidatorUtil.newValidator(BasaltOperatorTable.INSTANCE, catalogReader,
                typeFactory, VALIDATOR_CONFIG);
        SqlNode validated;
        try {
            validated = validator.validate(parsed);
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e, parsedQuery, () -> QueryNames.of(parsed, catalog, defaultSchema));
        }
        SqlToRelConverter converter = new SqlToRelConverter(NoViews.INSTANCE, validator, catalogReader, cluster,
                StandardConvertletTable.INSTANCE, CONVERTER_CONFIG);
        try {
            return new TranslatedQuery(converter.convertQuery(validated, false, true), validated, parsedQuery);
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e, parsedQuery, () -> QueryNames.of(parsed, catalog, defaultSchema));
        }
    }

    /**
     * Query parameters ({@code ?}) come with prepared statements. To add them: accept {@link SqlDynamicParam}s
     * here, let the validator infer their types (Calcite does from context), keep the inferred types as the
     * statement's parameter metadata, and translate each {@code RexDynamicParam} into an execution-side
     * parameter reference bound at execution time (a new {@code Expression} kind), so that one plan serves
     * every execution.
     */
    private static void rejectParameters(QueryParser.ParsedQuery parsed) {
        parsed.query().accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam parameter) {
                int line = parameter.getParserPosition().getLineNum();
                throw new PlanningException(PlanningException.FEATURE_NOT_SUPPORTED,
                        "not supported yet: query parameters (?)", line,
                        parsed.originalColumn(line, parameter.getParserPosition().getColumnNum()), null);
            }
        });
    }

    private static CalciteConnectionConfig connectionConfig() {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        properties.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "TO_LOWER");
        properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
        properties.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), QueryParser.CONFORMANCE.name());
        return new CalciteConnectionConfigImpl(properties);
    }
}
