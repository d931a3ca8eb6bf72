"""Articles, text handling and NLP analysis. Never imports textual or rich."""
