using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Detection
{
    /// <summary>What <see cref="HttpApiTargets.Find"/> saw: the endpoint's kind, and what the semantic model must confirm.</summary>
    internal readonly struct HttpApiUse
    {
        public HttpApiUse(QueryKind kind, InvocationExpressionSyntax? encoder, HttpApiEvidence? evidence)
        {
            Kind = kind;
            Encoder = encoder;
            Evidence = evidence;
        }

        /// <summary>The endpoint's kind; <see cref="QueryKind.Unknown"/> when nothing was found.</summary>
        public QueryKind Kind { get; }

        public bool IsFound => Kind != QueryKind.Unknown;

        /// <summary>The <c>EscapeDataString</c>-style call around the value, if any.</summary>
        public InvocationExpressionSyntax? Encoder { get; }

        /// <summary>The calls and locals the URL was read through, if any.</summary>
        public HttpApiEvidence? Evidence { get; }
    }

    /// <summary>
    /// What syntax read on the way from a value to its URL, for the semantic model to confirm: the calls and creations
    /// that must be the BCL's or ASP.NET Core's (<c>string.Format</c>, <c>StringBuilder.Append</c>,
    /// <c>QueryHelpers.AddQueryString</c>, <c>new FormUrlEncodedContent(…)</c>, …), and each use of a local that must
    /// be the local whose declaration was read.
    /// </summary>
    /// <remarks>Built only for a value that syntax already places after a Prometheus parameter name.</remarks>
    internal sealed class HttpApiEvidence
    {
        private readonly List<ExpressionSyntax> _calls = new List<ExpressionSyntax>(4);
        private readonly List<KeyValuePair<IdentifierNameSyntax, VariableDeclaratorSyntax>> _locals = new List<KeyValuePair<IdentifierNameSyntax, VariableDeclaratorSyntax>>();

        public HttpApiEvidence()
        {
        }

        public HttpApiEvidence(ExpressionSyntax call) => _calls.Add(call);

        /// <summary>Invocations and object creations whose method or type <see cref="HttpApiTargets.Confirm"/> checks.</summary>
        public IReadOnlyList<ExpressionSyntax> Calls => _calls;

        /// <summary>Uses of locals, each with the declarator that syntax matched it to by name.</summary>
        public IReadOnlyList<KeyValuePair<IdentifierNameSyntax, VariableDeclaratorSyntax>> Locals => _locals;

        public void AddCall(ExpressionSyntax call) => _calls.Add(call);

        public void AddLocal(IdentifierNameSyntax use, VariableDeclaratorSyntax declarator) =>
            _locals.Add(new KeyValuePair<IdentifierNameSyntax, VariableDeclaratorSyntax>(use, declarator));

        /// <summary>Where the lists stand, so that a way tried and abandoned can be taken back with <see cref="Reset"/>.</summary>
        public (int Calls, int Locals) Mark() => (_calls.Count, _locals.Count);

        public void Reset((int Calls, int Locals) mark)
        {
            _calls.RemoveRange(mark.Calls, _calls.Count - mark.Calls);
            _locals.RemoveRange(mark.Locals, _locals.Count - mark.Locals);
        }
    }
}
