package io.basalt.optimizer.sql;

import com.google.common.collect.ImmutableSet;
import io.basalt.optimizer.PlannerOptions;
import io.basalt.optimizer.catalog.AccessListing;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.CatalogSchema;
import io.basalt.optimizer.catalog.RuntimeTable;
import io.basalt.optimizer.catalog.TypeMapping;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.commit.Manifest;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * From query text to Calcite's relational algebra: parse, reject what is not supported yet, validate against the
 * catalog (names, types, implicit casts), convert to a {@link RelRoot}. Every error becomes a
 * {@link PlanningException} with its SQLSTATE and position.
 *
 * <p>Subqueries stay {@code RexSubQuery} expressions here ({@code expand = false}); the optimizer's phases turn
 * them into joins.
 *
 * <p>Parameters ({@code ?}) are typed by the validator from their context and become {@code RexDynamicParam}s;
 * their types are the statement's parameter metadata ({@link TranslatedQuery#parameterTypes()}).
 */
public final class QueryTranslator {

    private static final CalciteConnectionConfig CONNECTION_CONFIG = connectionConfig();

    private static final SqlValidator.Config VALIDATOR_CONFIG = SqlValidator.Config.DEFAULT
            .withConformance(QueryParser.CONFORMANCE)
            .withIdentifierExpansion(true)
            .withTypeCoercionFactory(AggregateArgumentCoercion::new)
            // PostgreSQL's order: NULLs sort as if larger than every value.
            .withDefaultNullCollation(NullCollation.HIGH)
            .withTypeCoercionRules(castRules());

    private static final SqlToRelConverter.Config CONVERTER_CONFIG = SqlToRelConverter.config()
            .withExpand(false)
            .withTrimUnusedFields(true)
            .withDecorrelationEnabled(true)
            .withInSubQueryThreshold(Integer.MAX_VALUE);

    private QueryTranslator() {
    }

    /** Calcite's casts plus PostgreSQL's between integer and boolean ({@code CAST(true AS int)} is 1). */
    private static SqlTypeCoercionRule castRules() {
        Map<SqlTypeName, ImmutableSet<SqlTypeName>> mapping = new HashMap<>(SqlTypeCoercionRule.instance().getTypeMapping());
        mapping.put(SqlTypeName.INTEGER, ImmutableSet.<SqlTypeName>builder().addAll(mapping.get(SqlTypeName.INTEGER))
                .add(SqlTypeName.BOOLEAN).build());
        mapping.put(SqlTypeName.BOOLEAN, ImmutableSet.<SqlTypeName>builder().addAll(mapping.get(SqlTypeName.BOOLEAN))
                .add(SqlTypeName.INTEGER).build());
        return SqlTypeCoercionRule.instance(mapping);
    }

    /**
     * @param options the default schema, and the types result columns are assigned to (for a parameter that is a
     *                whole result column, see {@link AssignedParameterTypes})
     * @param cluster where the relational expressions live; its type factory must use Basalt's type system
     */
    public static TranslatedQuery translate(String queryText, Manifest catalog, PlannerOptions options,
                                            RelOptCluster cluster) {
        String defaultSchema = options.defaultSchema();
        QueryParser.ParsedQuery parsedQuery = QueryParser.parse(queryText);
        SqlNode parsed = parsedQuery.query();
        RepeatedOutputNames.resolve(parsed);
        RelDataTypeFactory typeFactory = cluster.getTypeFactory();
        List<SqlDynamicParam> parameters = QueryParameters.of(parsed);
        AssignedParameterTypes.apply(parsedQuery, calciteTypes(options.assignedColumnTypes(), typeFactory));
        CalciteCatalogReader catalogReader = catalogReader(catalog, List.of(defaultSchema), options.rowIdentityTable(),
                options.access(), options.runtimeTables(), typeFactory);
        SqlValidator validator = validator(catalogReader, typeFactory);
        SqlNode validated;
        try {
            validated = validator.validate(parsed);
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e, parsedQuery, () -> QueryNames.of(parsed, catalog, defaultSchema));
        }
        QueryParameters.widenLikePatterns(validated, validator);
        List<RelDataType> parameterTypes = parameterTypes(parameters, validator, parsedQuery);
        ViewExpansion views = new ViewExpansion(catalog, options.access(), options.runtimeTables(), cluster);
        SqlToRelConverter converter = converter(views, validator, catalogReader, cluster);
        try {
            RelRoot root = converter.convertQuery(validated, false, true);
            return new TranslatedQuery(root, validated, parsedQuery, parameterTypes, views.expandedViews(),
                    views.reads(root.rel));
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e, parsedQuery, () -> QueryNames.of(parsed, catalog, defaultSchema));
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).contains("RepeatUnion")) {
                // Calcite types a recursive query by its seed alone, then finds the recursive term's wider types.
                throw new PlanningException(PlanningException.DATATYPE_MISMATCH, "the recursive term of a recursive "
                        + "query changes the type of a column; cast the non-recursive term's columns to the types of "
                        + "the whole query");
            }
            throw e;
        }
    }

    /** Resolves names in {@code schemaPath} first; {@code rowIdentityTable} as in {@link PlannerOptions}. */
    static CalciteCatalogReader catalogReader(Manifest catalog, List<String> schemaPath, long rowIdentityTable,
                                              AccessListing access, List<RuntimeTable> runtimeTables,
                                              RelDataTypeFactory typeFactory) {
        return new CalciteCatalogReader(CatalogSchema.rootOf(catalog, rowIdentityTable, access, runtimeTables), schemaPath, typeFactory,
                CONNECTION_CONFIG);
    }

    static SqlValidator validator(CalciteCatalogReader catalogReader, RelDataTypeFactory typeFactory) {
        return SqlValidatorUtil.newValidator(BasaltOperatorTable.INSTANCE, catalogReader, typeFactory, VALIDATOR_CONFIG);
    }

    static SqlToRelConverter converter(ViewExpansion views, SqlValidator validator, CalciteCatalogReader catalogReader,
                                       RelOptCluster cluster) {
        return new SqlToRelConverter(views, validator, catalogReader, cluster, DateArithmetic.CONVERTLETS,
                CONVERTER_CONFIG);
    }

    /**
     * The type the validator inferred for each parameter from its context ({@code l_quantity < ?} gives the
     * column's type). Calcite itself refuses a parameter it cannot type ({@code SELECT ?}); a parameter it typed
     * as something Basalt has no values of (an interval, a NULL type) is refused here, the same way.
     */
    private static List<RelDataType> parameterTypes(List<SqlDynamicParam> parameters, SqlValidator validator,
                                                    QueryParser.ParsedQuery parsed) {
        List<RelDataType> types = new ArrayList<>(parameters.size());
        for (SqlDynamicParam parameter : parameters) {
            if (parameter.getIndex() != types.size()) {
                throw new PlanningException(PlanningException.INTERNAL_ERROR,
                        "query parameters are not numbered 0.." + (parameters.size() - 1));
            }
            RelDataType type = validator.getValidatedNodeTypeIfKnown(parameter);
            if (type == null || !TypeMapping.isSupported(type) || type.getSqlTypeName() == SqlTypeName.NULL) {
                throw ValidationErrors.indeterminateParameter(parameter, parsed);
            }
            types.add(type);
        }
        return types;
    }

    private static List<RelDataType> calciteTypes(List<LogicalType> types, RelDataTypeFactory typeFactory) {
        List<RelDataType> calciteTypes = new ArrayList<>(types.size());
        for (LogicalType type : types) {
            calciteTypes.add(type == null ? null : TypeMapping.toCalcite(typeFactory, type, true));
        }
        return calciteTypes;
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
