"""Stage 5, charts: every chart in one house style; each takes the tables and returns a Figure."""
from reportkit.charts.areas import area_heatmap, status_steps
from reportkit.charts.findings import area_by_force, area_concerns, areas_by_force
from reportkit.charts.plots import (
                                    evidence_snippet,
                                    force_timeline,
                                    grade_distribution,
                                    lag_across_forces,
                                    national_view,
                                    recommendation_progress,
)
from reportkit.charts.style import save

__all__ = ["area_by_force", "area_concerns", "areas_by_force", "evidence_snippet", "force_timeline",
           "grade_distribution", "lag_across_forces", "national_view", "recommendation_progress",
           "save", "area_heatmap", "status_steps"]
