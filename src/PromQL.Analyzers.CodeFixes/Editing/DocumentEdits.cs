using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PromQL.Analyzers.CodeFixes.Editing
{
    /// <summary>Applies text changes as text changes, so Fix All can merge fixes that touch different characters.</summary>
    internal static class DocumentEdits
    {
        public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<TextChange> changes, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(changes));
        }
    }
}
