using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Detection;

namespace PromQL.Analyzers.Metrics
{
    /// <summary>
    /// The calls of one syntax tree that may define a metric: prometheus-net's <c>CreateCounter</c>/<c>CreateGauge</c>/
    /// <c>CreateHistogram</c>/<c>CreateSummary</c> (on <c>Metrics</c>, a factory or a registry) and
    /// System.Diagnostics.Metrics' <c>Meter.Create*&lt;T&gt;</c>. Found by a text search for the method names, so a
    /// tree without one builds no nodes; read once per tree. Which of them really are those APIs, and the names they
    /// give, is for the semantic model (<see cref="CompilationMetrics"/>).
    /// </summary>
    internal sealed class TreeMetricDefinitions
    {
        /// <summary>What the text search looks for: every method name below starts with one of these.</summary>
        public static readonly string[] Needles = { "CreateCounter", "CreateGauge", "CreateHistogram", "CreateSummary", "CreateUpDownCounter", "CreateObservable" };

        private readonly SyntaxTree _tree;
        private StrongBox<ImmutableArray<MetricDefinitionCall>>? _calls;

        public TreeMetricDefinitions(SyntaxTree tree)
        {
            _tree = tree;
        }

        /// <summary>The calls, in source order.</summary>
        public ImmutableArray<MetricDefinitionCall> Calls(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _calls) is { } known)
            {
                return known.Value;
            }

            // Two threads may both read the tree: they find the same calls, and the first to finish is kept.
            var found = new StrongBox<ImmutableArray<MetricDefinitionCall>>(Find(cancellationToken));
            return (Interlocked.CompareExchange(ref _calls, found, null) ?? found).Value;
        }

        /// <summary>
        /// Whether two versions of a tree make the same calls with the same name and unit arguments, as far as text
        /// shows: what a body edit must keep for the compilation's metric facts to hold (see
        /// <see cref="Analysis.DeclarationEpochs"/>).
        /// </summary>
        public static bool SameCalls(TreeMetricDefinitions before, TreeMetricDefinitions after, CancellationToken cancellationToken)
        {
            var b = before.Calls(cancellationToken);
            var a = after.Calls(cancellationToken);
            if (b.Length != a.Length)
            {
                return false;
            }

            for (var i = 0; i < b.Length; i++)
            {
                if (!b[i].SameText(a[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether <paramref name="name"/> is the name of a method this class reads.</summary>
        public static bool IsDefinitionMethod(string name) => name switch
        {
            "CreateCounter" or "CreateGauge" or "CreateHistogram" or "CreateSummary" or "CreateUpDownCounter"
                or "CreateObservableCounter" or "CreateObservableGauge" or "CreateObservableUpDownCounter" => true,
            _ => false,
        };

        private ImmutableArray<MetricDefinitionCall> Find(CancellationToken cancellationToken)
        {
            var positions = SourceTextSearch.Find(_tree.GetText(cancellationToken), Needles, wholeWord: false, cancellationToken);
            if (positions is null)
            {
                return ImmutableArray<MetricDefinitionCall>.Empty;
            }

            var root = _tree.GetRoot(cancellationToken);
            var calls = ImmutableArray.CreateBuilder<MetricDefinitionCall>();
            InvocationExpressionSyntax? last = null;
            foreach (var position in positions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var token = root.FindToken(position);
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.SpanStart != position || !IsDefinitionMethod(token.ValueText)
                    || token.Parent is not SimpleNameSyntax name)
                {
                    continue;
                }

                // M(...) or x.M(...) or x?.M(...): the name is what is called.
                var callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access
                    : name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name ? (ExpressionSyntax)binding
                    : name;
                if (callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee && invocation != last)
                {
                    last = invocation;
                    calls.Add(new MetricDefinitionCall(invocation, token.ValueText, name is GenericNameSyntax));
                }
            }

            return calls.ToImmutable();
        }
    }

    /// <summary>One call that may define a metric, as written.</summary>
    internal readonly struct MetricDefinitionCall
    {
        public MetricDefinitionCall(InvocationExpressionSyntax invocation, string methodName, bool isGeneric)
        {
            Invocation = invocation;
            MethodName = methodName;
            IsGeneric = isGeneric;
        }

        public InvocationExpressionSyntax Invocation { get; }

        public string MethodName { get; }

        /// <summary>Whether the call is written with type arguments (<c>meter.CreateCounter&lt;long&gt;</c>): part of its text, not of what it is.</summary>
        public bool IsGeneric { get; }

        /// <summary>
        /// The same call by its text: method, receiver and the arguments that may name or type a metric (all but
        /// lambdas, whose bodies an edit may change without changing what is defined).
        /// </summary>
        public bool SameText(MetricDefinitionCall other)
        {
            if (MethodName != other.MethodName || IsGeneric != other.IsGeneric)
            {
                return false;
            }

            var receiver = Receiver(Invocation);
            var otherReceiver = Receiver(other.Invocation);
            if (!string.Equals(receiver, otherReceiver, StringComparison.Ordinal))
            {
                return false;
            }

            var arguments = Invocation.ArgumentList.Arguments;
            var otherArguments = other.Invocation.ArgumentList.Arguments;
            if (arguments.Count != otherArguments.Count)
            {
                return false;
            }

            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                var otherArgument = otherArguments[i];
                if (argument.Expression is LambdaExpressionSyntax && otherArgument.Expression is LambdaExpressionSyntax)
                {
                    continue;
                }

                if (!string.Equals(argument.ToString(), otherArgument.ToString(), StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Receiver(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Expression.ToString() + access.Name.ToString(),
            var other => other.ToString(),
        };
    }
}
