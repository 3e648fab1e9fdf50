from spreader_app.cli import main

raise SystemExit(main())
