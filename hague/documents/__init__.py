"""Co-operation documents: typed request models, rendering to PDF, the locked-down URL fetcher."""
