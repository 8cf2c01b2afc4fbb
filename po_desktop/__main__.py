from po_desktop.cli import run

run()
