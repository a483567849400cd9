using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Web.Pages.Operator.ItaManuals;

/// <summary>A version's items laid out as the LAO's checklist will show them (nothing filled in), draft or published.</summary>
public sealed class PreviewModel(ItaCatalogueQueries queries) : VersionPageModel(queries);
