"""The web application: Flask blueprints around the engine, the documents and the register."""
