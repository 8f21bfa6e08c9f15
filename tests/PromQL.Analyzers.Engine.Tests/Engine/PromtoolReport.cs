using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PromQL.Analyzers.Engine.Tests.Engine
{
    /// <summary>What promtool said about one expression test that failed: an evaluation error, or the samples it expected and got.</summary>
    public sealed class ExpressionFailure
    {
        public ExpressionFailure(string expression, string evalTime, string? error, IReadOnlyList<EngineSample> expected, IReadOnlyList<EngineSample> got)
        {
            Expression = expression;
            EvalTime = evalTime;
            Error = error;
            Expected = expected;
            Got = got;
        }

        public string Expression { get; }

        public string EvalTime { get; }

        /// <summary>The engine's error (a parse or evaluation error), or null when the expression ran.</summary>
        public string? Error { get; }

        public IReadOnlyList<EngineSample> Expected { get; }

        public IReadOnlyList<EngineSample> Got { get; }
    }

    /// <summary>
    /// Reads the failure report that <c>promtool test rules</c> (2.x) writes to stderr:
    /// <code>
    ///   FAILED:
    ///     expr: "sum(x)", time: 5m,
    ///         exp: nil
    ///         got: {} 6E+02
    ///     expr: "sum(x", time: 5m, err: 1:6: parse error: unclosed left parenthesis
    /// </code>
    /// Expressions are Go-quoted (<c>%q</c>); a sample list is <c>nil</c> or <c>{a="1", b="2"} 1.5E+00, {…} NaN</c>,
    /// label values Go-quoted, values in Go's shortest <c>%E</c> form (exact). Lines that are not part of an
    /// expression's entry (a YAML error, say) are kept in <see cref="OtherMessages"/>.
    /// </summary>
    public sealed class PromtoolReport
    {
        private const string EntryPrefix = "expr: ";
        private const string ExpectedPrefix = "exp: ";
        private const string GotPrefix = "got: ";

        private PromtoolReport(IReadOnlyList<ExpressionFailure> failures, IReadOnlyList<string> otherMessages)
        {
            Failures = failures;
            OtherMessages = otherMessages;
        }

        public IReadOnlyList<ExpressionFailure> Failures { get; }

        /// <summary>Non-empty lines of the report that belong to no expression (after the <c>FAILED:</c> line).</summary>
        public IReadOnlyList<string> OtherMessages { get; }

        /// <summary>Reads promtool's stderr; throws <see cref="FormatException"/> on an entry it cannot read.</summary>
        public static PromtoolReport Parse(string stderr)
        {
            var failures = new List<ExpressionFailure>();
            var others = new List<string>();
            var lines = stderr.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line == "FAILED:")
                {
                    continue;
                }

                if (!line.StartsWith(EntryPrefix, StringComparison.Ordinal))
                {
                    others.Add(line);
                    continue;
                }

                var reader = new LineReader(line, EntryPrefix.Length);
                var expression = reader.ReadGoString();
                reader.Expect(", time: ");
                var time = reader.ReadUntil(',');
                reader.Expect(",");
                if (reader.AtEnd)
                {
                    // An expression that ran: the expected and the actual samples follow, one line each.
                    var expected = ReadSampleLine(lines, ++i, ExpectedPrefix);
                    var got = ReadSampleLine(lines, ++i, GotPrefix);
                    failures.Add(new ExpressionFailure(expression, time, null, expected, got));
                }
                else
                {
                    reader.Expect(" err: ");
                    failures.Add(new ExpressionFailure(expression, time, reader.Rest(), Array.Empty<EngineSample>(), Array.Empty<EngineSample>()));
                }
            }

            return new PromtoolReport(failures, others);
        }

        /// <summary>Reads a sample list as promtool prints it: <c>nil</c>, or samples separated by <c>", "</c>.</summary>
        public static IReadOnlyList<EngineSample> ParseSamples(string text)
        {
            var samples = new List<EngineSample>();
            if (text == "nil")
            {
                return samples;
            }

            var reader = new LineReader(text, 0);
            while (true)
            {
                var labels = ReadLabels(reader);
                reader.Expect(" ");
                samples.Add(new EngineSample(labels, ParseValue(reader.ReadUntil(','))));
                if (reader.AtEnd)
                {
                    return samples;
                }

                reader.Expect(", ");
            }
        }

        private static IReadOnlyList<EngineSample> ReadSampleLine(string[] lines, int index, string prefix)
        {
            if (index >= lines.Length)
            {
                throw new FormatException($"promtool's report ends where a '{prefix.Trim()}' line should be.");
            }

            var line = lines[index].Trim();
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new FormatException($"Expected a '{prefix.Trim()}' line in promtool's report, found: {line}");
            }

            return ParseSamples(line.Substring(prefix.Length));
        }

        private static Dictionary<string, string> ReadLabels(LineReader reader)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            reader.Expect("{");
            if (reader.TryExpect("}"))
            {
                return labels;
            }

            while (true)
            {
                var name = reader.ReadUntil('=');
                if (name.Length == 0)
                {
                    throw reader.Error("a label name");
                }

                reader.Expect("=");
                labels.Add(name, reader.ReadGoString());
                if (reader.TryExpect("}"))
                {
                    return labels;
                }

                reader.Expect(", ");
            }
        }

        private static double ParseValue(string text)
        {
            switch (text)
            {
                case "NaN": return double.NaN;
                case "+Inf": return double.PositiveInfinity;
                case "-Inf": return double.NegativeInfinity;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"Not a sample value: '{text}'.");
            }

            return value;
        }

        /// <summary>A cursor over one line.</summary>
        private sealed class LineReader
        {
            private readonly string _text;
            private int _position;

            public LineReader(string text, int position)
            {
                _text = text;
                _position = position;
            }

            public bool AtEnd => _position >= _text.Length;

            public string Rest()
            {
                var rest = _text.Substring(_position);
                _position = _text.Length;
                return rest;
            }

            public void Expect(string expected)
            {
                if (!TryExpect(expected))
                {
                    throw Error($"'{expected}'");
                }
            }

            public bool TryExpect(string expected)
            {
                if (string.CompareOrdinal(_text, _position, expected, 0, expected.Length) != 0)
                {
                    return false;
                }

                _position += expected.Length;
                return true;
            }

            /// <summary>Everything up to (not including) <paramref name="stop"/> or the end of the line.</summary>
            public string ReadUntil(char stop)
            {
                var end = _text.IndexOf(stop, _position);
                if (end < 0)
                {
                    end = _text.Length;
                }

                var value = _text.Substring(_position, end - _position);
                _position = end;
                return value;
            }

            /// <summary>A Go interpreted string literal, as <c>strconv.Quote</c> writes it.</summary>
            public string ReadGoString()
            {
                Expect("\"");
                var value = new StringBuilder();
                while (true)
                {
                    if (AtEnd)
                    {
                        throw Error("a closing quote");
                    }

                    var c = _text[_position++];
                    if (c == '"')
                    {
                        return value.ToString();
                    }

                    if (c != '\\')
                    {
                        value.Append(c);
                        continue;
                    }

                    if (AtEnd)
                    {
                        throw Error("an escape");
                    }

                    var escape = _text[_position++];
                    switch (escape)
                    {
                        case 'a': value.Append('\a'); break;
                        case 'b': value.Append('\b'); break;
                        case 'f': value.Append('\f'); break;
                        case 'n': value.Append('\n'); break;
                        case 'r': value.Append('\r'); break;
                        case 't': value.Append('\t'); break;
                        case 'v': value.Append('\v'); break;
                        case '\\': value.Append('\\'); break;
                        case '"': value.Append('"'); break;
                        case '\'': value.Append('\''); break;
                        case 'x': AppendBytes(value, 2); break;
                        case 'u': value.Append(char.ConvertFromUtf32(ReadHex(4))); break;
                        case 'U': value.Append(char.ConvertFromUtf32(ReadHex(8))); break;
                        default:
                            if (escape >= '0' && escape <= '7')
                            {
                                _position--;
                                AppendBytes(value, 0);
                                break;
                            }

                            throw Error("a Go escape");
                    }
                }
            }

            public FormatException Error(string expected) =>
                new FormatException($"Expected {expected} at column {_position + 1} of promtool's line: {_text}");

            // \xNN and \NNN stand for bytes of UTF-8: gather consecutive ones before decoding.
            private void AppendBytes(StringBuilder value, int hexDigits)
            {
                var bytes = new List<byte>();
                while (true)
                {
                    bytes.Add(hexDigits > 0 ? (byte)ReadHex(hexDigits) : ReadOctalByte());
                    if (TryExpect("\\x"))
                    {
                        hexDigits = 2;
                    }
                    else if (_position + 1 < _text.Length && _text[_position] == '\\' && _text[_position + 1] >= '0' && _text[_position + 1] <= '7')
                    {
                        _position++;
                        hexDigits = 0;
                    }
                    else
                    {
                        break;
                    }
                }

                value.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            }

            private int ReadHex(int digits)
            {
                if (_position + digits > _text.Length
                    || !int.TryParse(_text.AsSpan(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
                {
                    throw Error($"{digits} hex digits");
                }

                _position += digits;
                return value;
            }

            private byte ReadOctalByte()
            {
                if (_position + 3 > _text.Length)
                {
                    throw Error("3 octal digits");
                }

                var value = 0;
                for (var i = 0; i < 3; i++)
                {
                    var digit = _text[_position++] - '0';
                    if (digit < 0 || digit > 7)
                    {
                        throw Error("3 octal digits");
                    }

                    value = (value * 8) + digit;
                }

                return (byte)value;
            }
        }
    }
}
