/** Props of TopBar: the project file commands its buttons run (the rest it takes from context). */
export interface TopBarProps {
  onnew: () => void;
  onopen: () => void;
  onsave: () => void;
}
