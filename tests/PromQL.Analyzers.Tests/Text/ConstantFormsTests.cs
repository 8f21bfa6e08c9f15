using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Text;
using Xunit;

namespace PromQL.Analyzers.Tests.Text
{
    /// <summary>
    /// For every constant string expression the reader's text must equal the compiler's own constant value, and
    /// every character's span must decode to that character.
    /// </summary>
    public sealed class ConstantFormsTests
    {
        // One C# expression per entry, entries separated by a line "=====". Each compiles to a constant string.
        private const string Forms = """"""
            "plain text"
            =====
            ""
            =====
            @""
            =====
            $""
            =====
            "simple escapes: \' \" \\ \0 \a \b \f \n \r \t \v end"
            =====
            "C# 13 escape: \e."
            =====
            "\u0041\u00e9\uD83D\uDE00\u007B"
            =====
            "\U0001F600 \U00000041 \U0010FFFF"
            =====
            "\x41\x4142\x0041g\x7 \x7f\xABCDEF \x0"
            =====
            "a surrogate pair in source: 😀, and é"
            =====
            "{braces} stay in a regular literal: {{ }}"
            =====
            @"verbatim ""quoted"" \n is not an escape"
            =====
            @"verbatim over
            two lines"
            =====
            """raw "quoted" \n {x}"""
            =====
            """" contains """ inside """"
            =====
            """
            first
              indented

            after an empty line
            """
            =====
            """
                deeper closing indentation
                  line
                """
            =====
            """
              blank lines with fewer and more spaces than the indentation
             
                 
              end
              """
            =====
            """
              "quotes" \t {braces} at the line start
              """
            =====
            $"interpolated {{braces}} \t \u0041 {S}{Esc} end"
            =====
            $"{S}"
            =====
            $@"verbatim {{x}} ""q"" {S}"
            =====
            @$"verbatim the other way {Esc}"
            =====
            $"""raw {S} "q" """
            =====
            $$"""raw {single} braces {{S}} }"""
            =====
            $$$"""three {{two}} {{{S}}}"""
            =====
            $"""
                multi {S}
                  line {S} tail
                {S} at line start

                """
            =====
            $$"""
              {x} {{S}}
                {{Esc}}
              """
            =====
            $"nested {$"inner {S}"} done"
            =====
            $"{Esc}"
            =====
            "a" + "b" + S + "c"
            =====
            ("a" + "b") + ("c" + S)
            =====
            "a" + ("b" + ("c" + "d"))
            =====
            S + "x"
            =====
            "x" + N + "y"
            =====
            "\t" + @"""" + """r""" + $"{S}{{" + Esc
            =====
            ("p" + S) + (S + ("q" + N))
            """""";

        public static IEnumerable<object[]> FormCases() =>
            Forms.Split("\n=====\n").Select(form => new object[] { form });

        [Theory]
        [MemberData(nameof(FormCases))]
        public void ConstantExpression_TextEqualsCompilerConstant(string form)
        {
            TextTestHelper helper = TextTestHelper.CompileExpression(form);

            // The outermost root is the whole expression; an interpolated string inside an interpolation is a root too.
            IReadOnlyList<ExpressionSyntax> roots = helper.Roots();
            Assert.Equal(form.Trim(), roots[0].ToString());
            foreach (ExpressionSyntax root in roots)
            {
                object? expected = helper.Model.GetConstantValue(root).Value;
                Assert.IsType<string>(expected);

                PromQlSourceText text = helper.Read(root);

                Assert.Equal((string)expected!, text.Text);
                Assert.False(text.HasHoles);
                helper.AssertSpansDecode(text);
            }
        }

        [Theory]
        [InlineData("\r\n")]
        [InlineData("\n")]
        [InlineData("\r")]
        public void MultiLineRaw_LineBreaksKeepTheirSourceCharacters(string lineBreak)
        {
            string form = "\"\"\"" + lineBreak + "    a" + lineBreak + lineBreak + "      b" + lineBreak + "    \"\"\"";
            string interpolated = "$\"\"\"" + lineBreak + "    {S}a" + lineBreak + "      b" + lineBreak + "    \"\"\"";
            foreach (string expression in new[] { form, interpolated, form + " + " + interpolated })
            {
                TextTestHelper helper = TextTestHelper.Compile(TextTestHelper.Wrap(expression).Replace("\n", lineBreak));
                ExpressionSyntax root = helper.SingleRoot();
                PromQlSourceText text = helper.Read(root);

                Assert.Equal(helper.Model.GetConstantValue(root).Value, text.Text);
                Assert.Contains(lineBreak, text.Text);
                helper.AssertSpansDecode(text);
            }
        }

        [Fact]
        public void EveryBmpEscape_DecodesAsTheCompilerDoes()
        {
            // \u and \x over a sweep of code units, surrogates included (a lone one is a valid UTF-16 constant).
            var forms = new List<string>();
            for (int c = 0; c < 0x10000; c += 97)
            {
                forms.Add($"\\u{c:X4}\\x{c:x}\\x{c:X4}");
            }

            string expression = "\"" + string.Concat(forms) + "\"";
            TextTestHelper helper = TextTestHelper.CompileExpression(expression);
            ExpressionSyntax root = helper.SingleRoot();
            PromQlSourceText text = helper.Read(root);

            Assert.Equal(helper.Model.GetConstantValue(root).Value, text.Text);
            helper.AssertSpansDecode(text);
        }
    }
}
