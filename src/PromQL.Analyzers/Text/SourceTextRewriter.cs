namespace PromQL.Analyzers.Text
{
    /// <summary>
    /// Builds a text read further from a <see cref="PromQlSourceText"/> (a composite format decoded, a URL's query value
    /// percent-decoded): each new character stands for a run of the old ones and maps to all their source, and keeps
    /// the piece of the first, with one more layer (<see cref="SourceTextLayers"/>).
    /// </summary>
    internal sealed class SourceTextRewriter
    {
        private readonly PromQlSourceText _source;
        private readonly SourceTextLayers _layer;
        private readonly SourceTextBuilder _builder;
        private SourceTextPiece? _open;

        public SourceTextRewriter(PromQlSourceText source, SourceTextLayers layer)
        {
            _source = source;
            _layer = layer;
            _builder = new SourceTextBuilder(source.Text.Length);
        }

        /// <summary>
        /// <paramref name="c"/>, standing for the old characters [<paramref name="first"/>, <paramref name="end"/>); a
        /// hole of the old text stays a hole.
        /// </summary>
        public void Append(char c, int first, int end)
        {
            var piece = _source.GetPiece(first);
            if (piece.Kind == SourceTextPieceKind.Hole)
            {
                AppendHole(first, end);
                return;
            }

            var span = _source.GetSourceSpan(first, end);
            if (!ReferenceEquals(piece, _open))
            {
                Close();
                _builder.BeginPieceLike(piece, _layer, span.Start);
                _open = piece;
            }

            _builder.Append(c, span.Start, span.Length);
        }

        /// <summary>One hole standing for the old characters [<paramref name="first"/>, <paramref name="end"/>).</summary>
        public void AppendHole(int first, int end)
        {
            Close();
            var piece = _source.GetPiece(first);
            var node = end - first == 1 && piece.Kind == SourceTextPieceKind.Hole ? piece.Node : null;
            _builder.AppendHole(_source.GetSourceSpan(first, end), node);
        }

        public PromQlSourceText ToSourceText()
        {
            Close();
            return _builder.ToSourceText(_source.Root);
        }

        private void Close()
        {
            if (_open is not null)
            {
                _builder.EndPiece();
                _open = null;
            }
        }
    }
}
