namespace PromQL.Parsing.Lexing
{
    /// <summary>
    /// The texts Prometheus uses for tokens in messages: <c>Item.desc()</c> (as in <c>unexpected &lt;by&gt;</c>,
    /// <c>unexpected identifier "foo"</c>, <c>unexpected "("</c>), <c>Item.String()</c> and <c>ItemTypeStr</c>.
    /// </summary>
    internal static class TokenDescriptions
    {
        /// <summary>Prometheus's <c>Item.desc()</c> of the token at <paramref name="index"/>.</summary>
        public static string Describe(TokenList tokens, int index)
        {
            Token token = tokens[index];
            string text = token.Kind == TokenKind.Error ? tokens.ErrorMessage ?? string.Empty : tokens.TextOf(token);
            return Describe(token.Kind, text);
        }

        /// <summary>
        /// Prometheus's <c>Item.desc()</c> for a token of <paramref name="kind"/> whose text is
        /// <paramref name="text"/> (for <see cref="TokenKind.Error"/>, the message). Kinds listed in
        /// <c>ItemTypeStr</c> (punctuation, operators, keywords, aggregators) give <c>Item.String()</c>:
        /// <c>"("</c>, <c>&lt;op:+&gt;</c>, <c>&lt;aggr:sum&gt;</c>, <c>&lt;by&gt;</c>, <c>"step"</c>;
        /// the others give their kind and value: <c>identifier "foo"</c>, <c>number "5"</c>, <c>end of input</c>.
        /// </summary>
        public static string Describe(TokenKind kind, string text)
        {
            if (HasItemTypeString(kind))
            {
                return ItemString(kind, text);
            }

            if (kind == TokenKind.EndOfInput)
            {
                return "end of input";
            }

            if (kind == TokenKind.Hole)
            {
                return KindText(kind);
            }

            return KindText(kind) + " " + ItemString(kind, text);
        }

        /// <summary>
        /// Prometheus's <c>Item.String()</c>: <c>EOF</c>, the message of an error, <c>"name"</c> for identifiers,
        /// <c>&lt;by&gt;</c> for keywords, <c>&lt;op:+&gt;</c> for operators, <c>&lt;aggr:sum&gt;</c> for
        /// aggregators, otherwise the quoted text, cut to 10 runes and <c>...</c> when longer than 10 bytes.
        /// </summary>
        public static string ItemString(TokenKind kind, string text)
        {
            text ??= string.Empty;
            switch (kind)
            {
                case TokenKind.EndOfInput:
                    return "EOF";
                case TokenKind.Error:
                    return text;
                case TokenKind.Identifier:
                case TokenKind.MetricIdentifier:
                    return Literals.Quote(text);
            }

            if (IsKeyword(kind))
            {
                return "<" + text + ">";
            }

            if (IsOperator(kind))
            {
                return "<op:" + text + ">";
            }

            if (IsAggregator(kind))
            {
                return "<aggr:" + text + ">";
            }

            if (Literals.Utf8Length(text) > 10)
            {
                return Literals.Quote(text, 10) + "...";
            }

            return Literals.Quote(text);
        }

        /// <summary>
        /// The text of a kind: Prometheus's <c>ItemTypeStr</c> entry where it has one (<c>(</c>, <c>+</c>,
        /// <c>=~</c>, <c>by</c>, <c>sum</c>, <c>step</c>), otherwise <c>ItemType.desc()</c>
        /// (<c>identifier</c>, <c>number</c>, <c>end of input</c>…).
        /// </summary>
        public static string KindText(TokenKind kind)
        {
            switch (kind)
            {
                case TokenKind.EndOfInput: return "end of input";
                case TokenKind.Error: return "error";
                case TokenKind.Identifier: return "identifier";
                case TokenKind.MetricIdentifier: return "metric identifier";
                case TokenKind.Number: return "number";
                case TokenKind.Duration: return "duration";
                case TokenKind.String: return "string";
                case TokenKind.Hole: return "interpolated value";
                case TokenKind.LeftParen: return "(";
                case TokenKind.RightParen: return ")";
                case TokenKind.LeftBrace: return "{";
                case TokenKind.RightBrace: return "}";
                case TokenKind.LeftBracket: return "[";
                case TokenKind.RightBracket: return "]";
                case TokenKind.Comma: return ",";
                case TokenKind.Eql: return "=";
                case TokenKind.Colon: return ":";
                case TokenKind.Add: return "+";
                case TokenKind.Sub: return "-";
                case TokenKind.Mul: return "*";
                case TokenKind.Div: return "/";
                case TokenKind.Mod: return "%";
                case TokenKind.Pow: return "^";
                case TokenKind.Eqlc: return "==";
                case TokenKind.Neq: return "!=";
                case TokenKind.Lss: return "<";
                case TokenKind.Lte: return "<=";
                case TokenKind.Gtr: return ">";
                case TokenKind.Gte: return ">=";
                case TokenKind.TrimUpper: return "</";
                case TokenKind.TrimLower: return ">/";
                case TokenKind.EqlRegex: return "=~";
                case TokenKind.NeqRegex: return "!~";
                case TokenKind.At: return "@";
                case TokenKind.Atan2: return "atan2";
                case TokenKind.And: return "and";
                case TokenKind.Or: return "or";
                case TokenKind.Unless: return "unless";
                case TokenKind.Avg: return "avg";
                case TokenKind.Bottomk: return "bottomk";
                case TokenKind.Count: return "count";
                case TokenKind.CountValues: return "count_values";
                case TokenKind.Group: return "group";
                case TokenKind.Max: return "max";
                case TokenKind.Min: return "min";
                case TokenKind.Quantile: return "quantile";
                case TokenKind.Stddev: return "stddev";
                case TokenKind.Stdvar: return "stdvar";
                case TokenKind.Sum: return "sum";
                case TokenKind.Topk: return "topk";
                case TokenKind.Limitk: return "limitk";
                case TokenKind.LimitRatio: return "limit_ratio";
                case TokenKind.Bool: return "bool";
                case TokenKind.By: return "by";
                case TokenKind.GroupLeft: return "group_left";
                case TokenKind.GroupRight: return "group_right";
                case TokenKind.Fill: return "fill";
                case TokenKind.FillLeft: return "fill_left";
                case TokenKind.FillRight: return "fill_right";
                case TokenKind.Ignoring: return "ignoring";
                case TokenKind.Offset: return "offset";
                case TokenKind.Smoothed: return "smoothed";
                case TokenKind.Anchored: return "anchored";
                case TokenKind.On: return "on";
                case TokenKind.Without: return "without";
                case TokenKind.Start: return "start";
                case TokenKind.End: return "end";
                case TokenKind.Step: return "step";
                case TokenKind.Range: return "range";
                case TokenKind.MaxOf: return "max_of";
                case TokenKind.MinOf: return "min_of";
                default: return kind.ToString();
            }
        }

        /// <summary>Whether Prometheus's <c>ItemTypeStr</c> lists the kind (everything but the value-carrying kinds).</summary>
        public static bool HasItemTypeString(TokenKind kind) => kind >= TokenKind.LeftParen;

        /// <summary><c>ItemType.IsKeyword()</c>: <c>bool</c> … <c>without</c>.</summary>
        public static bool IsKeyword(TokenKind kind) => kind >= TokenKind.Bool && kind <= TokenKind.Without;

        /// <summary><c>ItemType.IsOperator()</c>: arithmetic, comparison, trim, regex match, set operators, <c>@</c>, <c>atan2</c>.</summary>
        public static bool IsOperator(TokenKind kind) => kind >= TokenKind.Add && kind <= TokenKind.Unless;

        /// <summary><c>ItemType.IsAggregator()</c>.</summary>
        public static bool IsAggregator(TokenKind kind) => kind >= TokenKind.Avg && kind <= TokenKind.LimitRatio;
    }
}
