/**
 * Scalar expressions and their vectorized evaluation.
 *
 * <p>{@link io.basalt.execution.expression.ExpressionCompiler} turns an expression tree into a tree of
 * kernels. Every choice is made once at compile time: the kernel family from the call's types, the loop
 * for the operand shapes (a constant operand is passed as a scalar, so {@code l_shipdate <= DATE
 * '1998-09-02'} reads one array and writes one), which range checks are needed at all, and which calls
 * are constant and can be folded. Evaluating a batch then calls each kernel once, and each runs one
 * type-specialised loop over primitive arrays. NULLs: strict kernels compute every position (a NULL
 * slot's value is junk, harmless for arithmetic that cannot fail) and union the null masks; kernels that
 * can fail check whether a failing row is NULL before raising the error, on the rare error path only.
 *
 * <p>Families, one or a few files each:
 * <ul>
 *   <li>arithmetic: {@code IntegerArithmetic} (checked longs), {@code DoubleArithmetic},
 *       {@code DecimalArithmetic} with its {@code DecimalPlan} (common scale, result scale, bounds),
 *       {@code DecimalLongKernels} (when every intermediate fits a long, no checks in the loop) and
 *       {@code DecimalWideKernel} (128-bit via {@code Int128Math}, exact BigDecimal fallback per row);</li>
 *   <li>comparisons per physical kind ({@code LongComparisons}, {@code DoubleComparisons} in PostgreSQL's
 *       total order, {@code Int128Comparisons}, {@code BytesComparisons} by unsigned UTF-8 bytes,
 *       {@code BooleanComparisons}), {@code CommonTypes} for operands of different scales or kinds,
 *       {@code InListCompiler} with hash sets for long lists;</li>
 *   <li>lazy evaluation: {@code CaseExpressionEvaluator}, {@code CoalesceEvaluator} and the AND/OR of
 *       {@code LogicalKernels} evaluate an argument only on the rows that need it when it can fail
 *       ({@code FailureAnalysis}), by copying those rows of the columns it reads ({@code SubsetEvaluator});</li>
 *   <li>{@code CastCompiler} with {@code ExactCasts}, {@code FloatingPointCasts}, {@code TextCasts},
 *       {@code DateTimeCasts}, {@code NumberText} and {@code DateTimeText};</li>
 *   <li>strings: {@code LikePattern} (compiled patterns with prefix/suffix/contains loops and Horspool
 *       search), {@code StringFunctions}, {@code CaseConversion}, {@code TrimFunction}, all counting code
 *       points on UTF-8 ({@code Utf8});</li>
 *   <li>{@code DateTimeFunctions} on storage's {@code CivilCalendar}'s integer arithmetic; {@code MathFunctions} and
 *       {@code DecimalRounding}.</li>
 * </ul>
 *
 * <p>Decisions the contract left open: errors of constant calls are deferred to the first row that
 * evaluates them (an empty table or an untaken branch never fails); LIKE without an escape argument has no
 * escape character; DOUBLE division by zero and overflow to infinity fail as in PostgreSQL, underflow
 * gives 0; DOUBLE to integer and ROUND of DOUBLE round half away from zero; DOUBLE to DECIMAL rounds the
 * shortest decimal text of the double (2.675 becomes 2.68).
 */
package io.basalt.execution.expression;
