from po_desktop.cli import main

raise SystemExit(main())
